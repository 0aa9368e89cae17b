import { describe, expect, test } from 'vitest';
import { headerTokens } from './header-tokens.ts';
import { isEmail, isPersonName, isPhone } from './value-patterns.ts';

describe('value patterns', () => {
  test('e-mail addresses', () => {
    expect(['ann.lee@example.com', 'x+tag@mail.co.uk'].map(isEmail)).toEqual([true, true]);
    expect(['ann lee@example.com', 'ann@example', '@example.com', 'example.com'].map(isEmail)).toEqual([false, false, false, false]);
  });

  test('phone numbers in common spellings, but not plain numbers, dates, IPs or year ranges', () => {
    expect(['+1 555-123-4567', '(555) 123-4567', '07700 900123', '+44 20 7946 0958', '555.123.4567'].map(isPhone)).toEqual([true, true, true, true, true]);
    expect(['5551234567', '3.14159265', '2021-03-04', '04/03/2021', '192.168.1.10', '2019-2020', '12-34', 'PC 17599'].map(isPhone)).toEqual(
      [false, false, false, false, false, false, false, false],
    );
  });

  test('person names: Titanic style and capitalised words', () => {
    expect(['Allen, Miss. Elisabeth Walton', 'Allison, Mrs. Hudson J C (Bessie Waldo Daniels)', "O'Brien, Mr. Thomas", 'John Smith', 'Mary J. Blige', 'Dr. Ann Lee'].map(isPersonName)).toEqual([
      true, true, true, true, true, true,
    ]);
    expect(['male', 'S', 'C23 C25 C27', 'CA. 2343', 'called back twice', 'SMITH'].map(isPersonName)).toEqual([false, false, false, false, false, false]);
  });

  test('header tokens split camelCase, separators and glued IDs', () => {
    expect(headerTokens('PassengerId')).toEqual(['passenger', 'id']);
    expect(headerTokens('home.dest')).toEqual(['home', 'dest']);
    expect(headerTokens('userID')).toEqual(['user', 'id']);
    expect(headerTokens('customerid')).toEqual(['customer', 'id']);
    expect(headerTokens('HTTPStatus')).toEqual(['http', 'status']);
  });
});
