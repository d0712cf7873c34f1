import { BodyBudget, sizeOf, type BodySize } from './body-limits.ts';

/**
 * A part of a comment made of whole rows: a table, a list, a `<details>`
 * block. Rows are kept or dropped whole, and `close` always follows the last
 * kept row, so a cut never falls inside a row, a fence or an open block.
 */
export interface Section {
  open: string;
  rows: string[];
  close?: string;
  /** The line that replaces dropped rows, given how many were dropped. */
  more: (left: number) => string;
}

/** Renders a section within `limit`; returns the text and how many rows it dropped. */
export function renderSection(section: Section, limit: BodySize): { text: string; left: number } {
  const budget = new BodyBudget(limit);
  const close = section.close ?? '';
  const reserve = sizeOf(`${close}\n${section.more(section.rows.length)}\n`);
  const kept: string[] = [];
  budget.add(`${section.open}\n`);
  for (const row of section.rows) {
    if (!budget.fits(`${row}\n`, reserve)) break;
    budget.add(`${row}\n`);
    kept.push(row);
  }
  const left = section.rows.length - kept.length;
  const lines = [section.open, ...kept];
  if (close) lines.push(close);
  if (left > 0) lines.push('', section.more(left));
  return { text: lines.join('\n'), left };
}

export function shareOf(limit: BodySize, fraction: number): BodySize {
  return { characters: Math.floor(limit.characters * fraction), bytes: Math.floor(limit.bytes * fraction) };
}

export function minus(limit: BodySize, used: BodySize): BodySize {
  return { characters: limit.characters - used.characters, bytes: limit.bytes - used.bytes };
}
