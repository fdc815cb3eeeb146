import { derivedNameRule, NameLimit, nameRule } from '../../../modules/validation';

const SHORT: NameLimit = { what: 'a short name', pattern: /^[a-z]{1,5}$/, accepted: '1-5 lowercase letters' };

describe('name limits', () => {
  test('GIVEN a name within the limit WHEN checked THEN the rule holds', () => {
    expect(nameRule('thing.name', 'abcde', SHORT).condition).toBe(true);
  });

  test.each([
    ['one character too long', 'abcdef', 'thing.name must be a short name: 1-5 lowercase letters, got "abcdef" (6 characters)'],
    ['a character AWS refuses', 'ab-c', 'thing.name must be a short name: 1-5 lowercase letters, got "ab-c" (4 characters)'],
  ])('GIVEN a name %s WHEN checked THEN the message names the setting, the value, its length and the limit', (_case, value, message) => {
    const rule = nameRule('thing.name', value, SHORT);
    expect(rule.condition).toBe(false);
    expect(rule.message).toBe(message);
  });

  test('GIVEN no name WHEN checked THEN the rule fails without a length', () => {
    expect(nameRule('thing.name', undefined, SHORT)).toEqual({ condition: false, message: 'thing.name must be a short name: 1-5 lowercase letters, got nothing' });
  });

  test('GIVEN a derived name over the limit WHEN checked THEN the message says what to shorten', () => {
    const rule = derivedNameRule('abcdefg', SHORT, 'the system name');
    expect(rule.condition).toBe(false);
    expect(rule.message).toBe('the derived name "abcdefg" (7 characters) must be a short name: 1-5 lowercase letters; shorten the system name');
    expect(derivedNameRule('abc', SHORT, 'the system name').condition).toBe(true);
  });
});
