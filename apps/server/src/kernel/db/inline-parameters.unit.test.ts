import { describe, expect, it } from 'vitest';
import { inlineParameters } from './tenant-connection.ts';

describe('inlineParameters', () => {
  it('inlines values as quoted literals, as node-postgres would send them', () => {
    expect(inlineParameters('select * from t where a = $1 and b = $2 limit $3', ['x', null, 51])).toBe(
      "select * from t where a = 'x' and b = NULL limit '51'",
    );
  });
  it('escapes quotes and backslashes', () => {
    expect(inlineParameters('select $1', ["O'Brien \\ co"])).toBe("select  E'O''Brien \\\\ co'");
  });
  it('replaces $10 as one parameter, not $1 followed by 0', () => {
    const params = Array.from({ length: 10 }, (_, index) => `v${index + 1}`);
    expect(inlineParameters('select $1, $10', params)).toBe("select 'v1', 'v10'");
  });
  it('serializes objects to JSON like node-postgres', () => {
    expect(inlineParameters('insert into t values ($1)', [{ a: 1 }])).toBe(`insert into t values ('{"a":1}')`);
  });
  it('refuses what it cannot inline safely', () => {
    expect(inlineParameters("select 'literal' where a = $1", ['x'])).toBeNull();
    expect(inlineParameters('select $$x$$', [])).toBeNull();
    expect(inlineParameters('select $1', [Buffer.from('x')])).toBeNull();
  });
});
