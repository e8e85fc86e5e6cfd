/**
 * The one paging model: which rows of an answer's list a page shows. Platforms decide only how a
 * page is drawn and how its buttons carry the page number (see ButtonAction).
 */

/** Rows of a list per page: ten reads at a glance on a phone and leaves room for the figures. */
export const PAGE_SIZE = 10;

/** One page of a list of `total` rows. */
export interface Page {
  /** 0-based page shown, clamped into range: a page past the end (the data shrank) shows the last. */
  readonly index: number;
  /** Pages in all; at least 1, even for an empty list. */
  readonly count: number;
  /** Index of the first row shown within the whole list. */
  readonly from: number;
  /** One past the index of the last row shown. */
  readonly to: number;
  readonly total: number;
}

/** The page `requested` (0-based; anything not a whole number in range is clamped) of `total` rows. */
export function pageOf(total: number, requested: number, size: number = PAGE_SIZE): Page {
  const count = Math.max(1, Math.ceil(total / size));
  const index = Math.min(Math.max(0, Math.trunc(requested) || 0), count - 1);
  const from = index * size;
  return { index, count, from, to: Math.min(total, from + size), total };
}
