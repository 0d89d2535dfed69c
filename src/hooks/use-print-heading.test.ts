import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { cssString, usePrintHeading } from './use-print-heading';

const heading = (slot: string) =>
  document.documentElement.style.getPropertyValue(`--print-${slot}`);

describe('usePrintHeading', () => {
  it('writes any text as one CSS string, nothing in it able to end it', () => {
    expect(cssString('Алексей Воронцов')).toBe('"Алексей Воронцов"');
    expect(cssString('O"Brien \\ "; } body { x')).toBe(
      '"O\\"Brien \\\\ \\"; } body { x"',
    );
    expect(cssString('two\r\nlines')).toBe('"two lines"');
  });

  it('heads the pages while the page that says it is shown, and follows its text', () => {
    const { rerender, unmount } = renderHook(
      ({ text }: { text: string | undefined }) =>
        usePrintHeading('period', text),
      { initialProps: { text: undefined as string | undefined } },
    );
    expect(heading('period')).toBe('');
    rerender({ text: '2026' });
    expect(heading('period')).toBe('"2026"');
    rerender({ text: '1 янв. – 31 мар. 2026 г.' });
    expect(heading('period')).toBe('"1 янв. – 31 мар. 2026 г."');
    unmount();
    expect(heading('period')).toBe('');
  });
});
