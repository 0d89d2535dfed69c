import { cn } from '@/utils/cn';

type IconProps = { className?: string };

/**
 * The app's line icons, drawn on a 24-unit grid in the text colour. They
 * decorate a labelled control, so screen readers skip them.
 */
function icon(paths: string, strokeWidth = 2) {
  return function Icon({ className }: IconProps) {
    return (
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className={cn('shrink-0', className ?? 'size-4')}
        fill="none"
        stroke="currentColor"
        strokeWidth={strokeWidth}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={paths} />
      </svg>
    );
  };
}

export const EditIcon = icon('M4 20h4L19 9l-4-4L4 16v4ZM13.5 6.5l4 4');
export const DeleteIcon = icon(
  'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
);
export const PlusIcon = icon('M12 5v14M5 12h14');
export const CopyIcon = icon(
  'M9 9h10a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H9a1 1 0 0 1-1-1V10a1 1 0 0 1 1-1ZM5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1',
);
export const CloseIcon = icon('M6 6l12 12M18 6 6 18');
export const DownloadIcon = icon('M12 4v11m-4.5-4.5L12 15l4.5-4.5M5 19h14');
export const UploadIcon = icon('M12 15V4M7.5 8.5 12 4l4.5 4.5M5 19h14');
export const CalendarIcon = icon(
  'M8 3v4M16 3v4M4 9h16M5 5h14a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1ZM12 12v5M9.5 14.5h5',
);
export const ChevronBackIcon = icon('m15 18-6-6 6-6');
export const ChevronForwardIcon = icon('m9 18 6-6-6-6');
export const BuildingIcon = icon(
  'M3 21h18M5 21V8l7-5 7 5v13M9 21v-5h6v5M9 11h.01M15 11h.01',
  1.5,
);
