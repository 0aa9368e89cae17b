import { describe, expect, it } from 'vitest';
import { percent } from './percent.ts';
import { plural } from './plural.ts';

describe('percent', () => {
  it('rounds to whole percentages by default, never showing a non-zero share as 0% nor a partial one as 100%', () => {
    expect([percent(0), percent(0.73), percent(0.774), percent(1)]).toEqual(['0%', '73%', '77%', '100%']);
    expect([percent(0.004), percent(0.996)]).toEqual(['<1%', '>99%']);
  });

  it('keeps `digits` decimals, with the same guards one decimal finer', () => {
    expect([percent(0.1234, 1), percent(0.05, 1), percent(0, 1), percent(0.0004, 1), percent(0.9996, 1)]).toEqual(['12.3%', '5.0%', '0.0%', '<0.1%', '>99.9%']);
  });
});

describe('plural', () => {
  it('puts the noun in the singular only for exactly one', () => {
    expect([plural(0, 'row'), plural(1, 'row'), plural(2, 'row'), plural(1, 'entity', 'entities'), plural(3, 'entity', 'entities')]).toEqual(['0 rows', '1 row', '2 rows', '1 entity', '3 entities']);
  });
});
