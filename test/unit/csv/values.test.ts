import { describe, expect, it } from 'vitest';
import {
  localeOf,
  parseBoolean,
  parseDate,
  parseNumber,
  parseTimestamp,
  splitList,
} from '../../../lib/csv/values.ts';

const COMMA = localeOf(',');
const SEMICOLON = localeOf(';');

describe('numbers as spreadsheets write them', () => {
  it.each([
    ['1250000', COMMA, 1_250_000],
    ['$1,250,000.00', COMMA, 1_250_000],
    ['USD 1,250,000.50', COMMA, 1_250_000.5],
    ['1 250 000', COMMA, 1_250_000],
    ['1\u00a0250\u00a0000', SEMICOLON, 1_250_000],
    ['1.250.000,00', SEMICOLON, 1_250_000],
    ['1.250.000,75 €', SEMICOLON, 1_250_000.75],
    ['1,5', SEMICOLON, 1.5],
    ['1250.5', SEMICOLON, 1250.5],
    ['-3', COMMA, -3],
    ['-$1,000', COMMA, -1000],
    ['(1,000.00)', COMMA, -1000],
    ['12.5%', COMMA, 12.5],
    ['0', COMMA, 0],
    [' 42 ', COMMA, 42],
  ])('%j (%j) is %d', (text, locale, expected) => {
    expect(parseNumber(text, locale)).toBe(expected);
  });

  it.each([['lots'], ['1,25'], ['12abc'], ['$'], [''], ['1.2.3'], ['--1']])('%j is not a number', (text) => {
    expect(parseNumber(text, COMMA)).toBeNull();
  });
});

describe('booleans', () => {
  it.each([
    ['true', true],
    ['Yes', true],
    ['1', true],
    ['FALSE', false],
    ['no', false],
    ['0', false],
    ['maybe', null],
  ])('%j is %j', (text, expected) => {
    expect(parseBoolean(text)).toBe(expected);
  });
});

describe('dates', () => {
  it.each([
    ['2026-03-30', COMMA, '2026-03-30'],
    ['3/30/2026', COMMA, '2026-03-30'],
    ['30/03/2026', SEMICOLON, '2026-03-30'],
    ['30.03.2026', COMMA, '2026-03-30'],
    ['2026-01-10 10:00', COMMA, '2026-01-10'],
    ['2/30/2026', COMMA, null],
    ['30/03/2026', COMMA, null],
    ['next week', COMMA, null],
  ])('%j (%j) is %j', (text, locale, expected) => {
    expect(parseDate(text, locale)).toBe(expected);
  });

  it.each([
    ['2026-01-10 10:00', '2026-01-10T10:00:00.000Z'],
    ['2026-01-10T10:00:00+02:00', '2026-01-10T08:00:00.000Z'],
    ['2026-01-10', '2026-01-10T00:00:00.000Z'],
    ['4/14/2026 7:23 PM', '2026-04-14T19:23:00.000Z'],
    ['4/14/2026 13:23 PM', null],
  ])('moment %j is %j', (text, expected) => {
    expect(parseTimestamp(text, COMMA)).toBe(expected);
  });
});

describe('lists in one cell', () => {
  it.each([
    ['a1;a2', ['a1', 'a2']],
    ['a1 | a2 |a3', ['a1', 'a2', 'a3']],
    ['', []],
    [' ; ', []],
  ])('%j is %j', (text, expected) => {
    expect(splitList(text)).toEqual(expected);
  });
});
