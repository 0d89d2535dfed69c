import { describe, expect, it } from 'vitest';

import { rememberedLayout, rememberLayout, type Layout } from './layouts';

const layout: Layout = {
  columns: {
    date: 0,
    description: 2,
    amount: 3,
    income: null,
    expense: null,
    property: null,
  },
  amounts: 'signed',
  dateFormat: 'dmy',
  decimal: 'comma',
};

describe('a remembered layout', () => {
  it('comes back for the same owner and header, and for no one else', () => {
    rememberLayout(1, '4:aa', layout);
    expect(rememberedLayout(1, '4:aa')).toEqual(layout);
    expect(rememberedLayout(2, '4:aa')).toBeNull();
    expect(rememberedLayout(1, '4:bb')).toBeNull();
  });

  it('keeps only the newest twenty headers of an owner', () => {
    for (let n = 0; n < 21; n += 1) rememberLayout(3, `h${n}`, layout);
    expect(rememberedLayout(3, 'h0')).toBeNull();
    expect(rememberedLayout(3, 'h1')).toEqual(layout);
    expect(rememberedLayout(3, 'h20')).toEqual(layout);
  });

  it('ignores what storage holds in another shape', () => {
    localStorage.setItem(
      'smartcomm.import-layouts',
      JSON.stringify({ 1: [{ signature: '4:aa', layout: { columns: 5 } }] }),
    );
    expect(rememberedLayout(1, '4:aa')).toBeNull();
  });
});
