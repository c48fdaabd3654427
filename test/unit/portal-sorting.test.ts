import { describe, expect, it } from 'vitest';
import { displayAccount, sortAccounts, sortRoles } from '../../src/portal/accounts.js';

// docs/compat.md §A1.5 and checklist 13, 18.
describe('account and role order', () => {
  it('sorts accounts by name, else email, else ID, case-insensitively, ID-only last', () => {
    const sorted = sortAccounts([
      { accountId: '000000000001' },
      { accountId: '222222222222', accountName: 'beta' },
      { accountId: '333333333333', emailAddress: 'Alpha@example.com' },
      { accountId: '000000000000' },
      { accountId: '444444444444', accountName: 'Charlie', emailAddress: 'a@example.com' },
    ]);
    expect(sorted.map((a) => a.accountId)).toEqual([
      '333333333333',
      '222222222222',
      '444444444444',
      '000000000000',
      '000000000001',
    ]);
  });

  it('sorts roles case-insensitively', () => {
    expect(sortRoles(['readOnly', 'Admin', 'billing'])).toEqual(['Admin', 'billing', 'readOnly']);
  });

  it('displays accounts like the AWS CLI', () => {
    expect(displayAccount({ accountId: '1', accountName: 'Dev', emailAddress: 'd@x' })).toBe('Dev, d@x (1)');
    expect(displayAccount({ accountId: '1', accountName: 'Dev' })).toBe('Dev (1)');
    expect(displayAccount({ accountId: '1', emailAddress: 'd@x' })).toBe('d@x (1)');
    expect(displayAccount({ accountId: '1' })).toBe('1');
  });
});
