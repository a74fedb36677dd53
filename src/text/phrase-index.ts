import { isAllCaps, nameWords, wordKey, wordsOf, type WordsOfText } from './normalize.js';

/**
 * A dictionary of multi-word names matched against text by longest match over words.
 *
 * Keys ignore accents, apostrophes, hyphens and spacing ("al-Qa'ida" = "Al Qaida").
 * Names are either case-insensitive (matched when the text's words are capitalised as a name
 * usually is: at least one capital letter) or exact-case (acronyms and short names such as "PKK",
 * "IS", "Isis", which collide with ordinary words in other cases).
 * A trailing possessive "'s" in the text is tolerated ("Australia's" matches "Australia").
 */
export class PhraseIndex<T> {
  private readonly folded = new Map<string, T[]>();
  private readonly exact = new Map<string, T[]>();
  /** Every proper leading word sequence of every key, so a scan stops as soon as no longer name can continue. */
  private readonly foldedPrefixes = new Set<string>();
  private readonly exactPrefixes = new Set<string>();
  /** First words (lower-cased) of names written with a lower-case first word ("al-Qaeda", "de Gaulle"). */
  private readonly lowerInitials = new Set<string>();

  /** Add a name; `exactCase` defaults to true for acronyms and names of at most 4 letters. */
  add(name: string, value: T, exactCase = isExactCaseName(name)): void {
    const words = nameWords(name).map(wordKey);
    if (words.length === 0) return;
    const keyWords = exactCase ? words : words.map((w) => w.toLowerCase());
    if (words[0] === keyWords[0]!.toLowerCase()) this.lowerInitials.add(keyWords[0]!.toLowerCase());
    const prefixes = exactCase ? this.exactPrefixes : this.foldedPrefixes;
    for (let n = 1; n < keyWords.length; n++) prefixes.add(keyWords.slice(0, n).join(' '));
    const map = exactCase ? this.exact : this.folded;
    const key = keyWords.join(' ');
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else if (!list.includes(value)) list.push(value);
  }

  /** A plain-data copy of the index, for caching it on disk as JSON. */
  serialize(): SerializedPhraseIndex<T> {
    return {
      exactKeys: [...this.exact.keys()],
      exactValues: [...this.exact.values()],
      foldedKeys: [...this.folded.keys()],
      foldedValues: [...this.folded.values()],
      exactPrefixes: [...this.exactPrefixes],
      foldedPrefixes: [...this.foldedPrefixes],
      lowerInitials: [...this.lowerInitials],
    };
  }

  /** Rebuild an index from {@link PhraseIndex.serialize}'s output. */
  static deserialize<T>(data: SerializedPhraseIndex<T>): PhraseIndex<T> {
    const index = new PhraseIndex<T>();
    data.exactKeys.forEach((k, i) => index.exact.set(k, data.exactValues[i]!));
    data.foldedKeys.forEach((k, i) => index.folded.set(k, data.foldedValues[i]!));
    for (const k of data.exactPrefixes) index.exactPrefixes.add(k);
    for (const k of data.foldedPrefixes) index.foldedPrefixes.add(k);
    for (const k of data.lowerInitials) index.lowerInitials.add(k);
    return index;
  }

  /** Values stored under a name (either case rule), for lookups outside running text. */
  lookup(name: string): T[] {
    const words = nameWords(name).map(wordKey);
    return [
      ...(this.exact.get(words.join(' ')) ?? []),
      ...(this.folded.get(words.join(' ').toLowerCase()) ?? []),
    ];
  }

  /**
   * All longest, non-overlapping matches in `text`, left to right.
   * `accept` may reject a candidate match (then shorter ones are tried at the same position).
   */
  findAll(text: string, accept?: (m: PhraseMatch<T>) => boolean): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    const prepared = wordsOf(text);
    let i = 0;
    while (i < prepared.words.length) {
      const match = this.longestAt(text, prepared, i, accept);
      if (match) {
        out.push(match);
        i += match.wordCount;
      } else i++;
    }
    return out;
  }

  private longestAt(
    text: string,
    { words, keys, lower }: WordsOfText,
    i: number,
    accept?: (m: PhraseMatch<T>) => boolean,
  ): PhraseMatch<T> | undefined {
    // Most words are lower-case and start no name: one set lookup rules them out.
    if (keys[i] === lower[i] && !this.lowerInitials.has(lower[i]!)) return undefined;
    // Extend while some name still starts with the words seen so far, collecting every length
    // at which a whole name ends (with or without a possessive "'s" on its last word).
    let found: PhraseMatch<T>[] | undefined;
    let exactKey = '';
    let foldedKey = '';
    let capital = false;
    for (let n = 0; i + n < words.length; n++) {
      const w = words[i + n]!;
      if (n > 0 && !joins(text, words[i + n - 1]!.end, w.start)) break;
      const sep = n === 0 ? '' : ' ';
      const k = keys[i + n]!;
      const l = lower[i + n]!;
      capital ||= k !== l;
      if (endsPossessive(text, w.end)) {
        const values = this.valuesOf(
          exactKey + sep + k.slice(0, -1),
          foldedKey + sep + l.slice(0, -1),
          capital,
        );
        if (values)
          (found ??= []).push({
            start: words[i]!.start,
            end: w.end - 2,
            wordIndex: i,
            wordCount: n + 1,
            values,
          });
      }
      exactKey += sep + k;
      foldedKey += sep + l;
      const values = this.valuesOf(exactKey, foldedKey, capital);
      if (values)
        (found ??= []).push({ start: words[i]!.start, end: w.end, wordIndex: i, wordCount: n + 1, values });
      if (!this.exactPrefixes.has(exactKey) && !this.foldedPrefixes.has(foldedKey)) break;
    }
    if (!found) return undefined;
    for (let j = found.length - 1; j >= 0; j--) {
      const match = found[j]!;
      if (!accept || accept(match)) return match;
    }
    return undefined;
  }

  private valuesOf(exactKey: string, foldedKey: string, capital: boolean): T[] | undefined {
    const exact = this.exact.get(exactKey);
    const folded = capital ? this.folded.get(foldedKey) : undefined;
    if (exact && folded) return [...exact, ...folded];
    return exact ?? folded;
  }
}

/**
 * Words of one name are separated by one or two spaces or hyphens, nothing else; a plural
 * possessive apostrophe may come first ("Kurdistan Workers' Party").
 */
function joins(text: string, from: number, to: number): boolean {
  let i = from;
  const c0 = text.charCodeAt(i);
  if (c0 === 39 || c0 === 0x2019) i++;
  if (to - i < 1 || to - i > 2) return false;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 45 && c !== 0x2013 && c !== 10 && c !== 0xa0) return false;
  }
  return true;
}

/** The word ends with "'s" or "’s". */
function endsPossessive(text: string, end: number): boolean {
  const s = text.charCodeAt(end - 1);
  const q = text.charCodeAt(end - 2);
  return (s === 115 || s === 83) && (q === 39 || q === 0x2019);
}

/** {@link PhraseIndex} as plain data. */
export interface SerializedPhraseIndex<T> {
  exactKeys: string[];
  exactValues: T[][];
  foldedKeys: string[];
  foldedValues: T[][];
  exactPrefixes: string[];
  foldedPrefixes: string[];
  lowerInitials: string[];
}

/** One match of {@link PhraseIndex.findAll}. */
export interface PhraseMatch<T> {
  start: number;
  end: number;
  /** Index of the first word in the text's word list ({@link wordsOf}). */
  wordIndex: number;
  wordCount: number;
  /** All values stored under the matched name (several when the name is ambiguous). */
  values: T[];
}

/** Acronyms ("PKK", "U.S.") and names of at most four letters ("IS", "Isis", "Gab") match exact-case. */
export function isExactCaseName(name: string): boolean {
  return isAllCaps(name) || name.replace(/[^\p{L}]/gu, '').length <= 4;
}
