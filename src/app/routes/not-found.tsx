import { NotFound } from '@/components/errors/not-found';

export const Component = NotFound;
