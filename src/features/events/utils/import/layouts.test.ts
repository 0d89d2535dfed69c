import { describe, expect, it } from 'vitest';

import { rememberedLayout, rememberLayout, type Layout } from './layouts';
import { nameHash } from './rows';

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

  it('keeps where the rows went, the one property or each unknown name’s, as numbers and hashes only', () => {
    const one: Layout = { ...layout, objectId: 7 };
    const byName: Layout = {
      ...layout,
      columns: { ...layout.columns, property: 1 },
      names: { [nameHash('Old name')]: 8 },
    };
    rememberLayout(1, '4:aa', one);
    rememberLayout(1, '5:bb', byName);
    expect(rememberedLayout(1, '4:aa')).toEqual(one);
    expect(rememberedLayout(1, '5:bb')).toEqual(byName);
    expect(rememberedLayout(1, '5:bb')?.names?.[nameHash(' OLD NAME ')]).toBe(
      8,
    );
    expect(localStorage.getItem('smartcomm.import-layouts')).not.toMatch(
      /old name/i,
    );
  });

  it('still reads a layout kept before where the rows went was', () => {
    localStorage.setItem(
      'smartcomm.import-layouts',
      JSON.stringify({ 1: [{ signature: '4:aa', layout }] }),
    );
    expect(rememberedLayout(1, '4:aa')).toEqual(layout);
  });

  it('ignores what storage holds in another shape', () => {
    localStorage.setItem(
      'smartcomm.import-layouts',
      JSON.stringify({ 1: [{ signature: '4:aa', layout: { columns: 5 } }] }),
    );
    expect(rememberedLayout(1, '4:aa')).toBeNull();
  });
});
