/**
 * Text normalisation used for matching names: accent-insensitive, quote- and hyphen-insensitive.
 * Offsets are never computed on normalised text; only lookup keys are.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’‘`ʼʻʿʾ]/g;
/** Letters that Unicode does not decompose into a base letter and an accent. */
const LETTER_VARIANTS: Record<string, string> = {
  ı: 'i',
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  ß: 'ss',
};
const VARIANT_LETTERS = new RegExp(`[${Object.keys(LETTER_VARIANTS).join('')}]`, 'g');

/** Remove accents: "Zürich" → "Zurich", "Öcalan" → "Ocalan", "Şanlıurfa" → "Sanliurfa". */
export function stripAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(VARIANT_LETTERS, (c) => LETTER_VARIANTS[c]!);
}

/** Apostrophe-like marks that join the parts of one word ("Qa'ida", "Ta‘izz", "Saʿdah"). */
function isApostrophe(code: number): boolean {
  return (
    code === 39 ||
    code === 0x2019 ||
    code === 0x2018 ||
    code === 0x02bc ||
    code === 0x02bb ||
    code === 0x02bf ||
    code === 0x02be
  );
}

/** A name compared loosely: no accents, apostrophes, case, and hyphens as spaces ("Al-Qa'ida" = "al qaida"). */
export function nameKey(name: string): string {
  return stripAccents(name)
    .replace(APOSTROPHES, '')
    .replace(/[\s\-–]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Case-preserving key of one word: accents and apostrophes removed ("Qa'ida" → "Qaida"). */
export function wordKey(word: string): string {
  // Most words are plain ASCII letters: skip the (costly) Unicode normalisation for them.
  let plain = true;
  for (let i = 0; i < word.length && plain; i++) {
    const c = word.charCodeAt(i);
    plain = c < 128 && c !== 39 && c !== 96;
  }
  if (plain) return word;
  return stripAccents(word).replace(APOSTROPHES, '');
}

/** Split a name into words the same way {@link tokenizeWords} splits text. */
export function nameWords(name: string): string[] {
  if (/^[A-Za-z]+$/.test(name)) return [name];
  return tokenizeWords(name).map((w) => name.slice(w.start, w.end));
}

/** A word of the text with its offsets. */
export interface Word {
  start: number;
  end: number;
}

const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Letter, digit or combining mark; ASCII is decided without a regular expression. */
function isWordChar(code: number, ch: string): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return NON_ASCII_WORD_CHAR.test(ch);
}

function isLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return i < text.length && isWordChar(code, text[i]!) && !(code >= 48 && code <= 57);
}

/**
 * Words of a text with their character offsets: runs of letters and digits, with internal
 * apostrophes ("Qa'ida", "People's") and dotted abbreviations ("U.S.") kept in one word;
 * hyphens, spaces and other punctuation separate words. A hand-written scanner: this runs over
 * every document and a regular expression with Unicode classes is several times slower.
 */
export function tokenizeWords(text: string): Word[] {
  const out: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i), text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    // Dotted abbreviation: letter, dot, letter, dot, …
    if (isLetterAt(text, i) && text[i + 1] === '.' && isLetterAt(text, i + 2) && text[i + 3] === '.') {
      while (isLetterAt(text, i) && text[i + 1] === '.') i += 2;
      out.push({ start, end: i });
      continue;
    }
    while (i < n) {
      const code = text.charCodeAt(i);
      if (isWordChar(code, text[i]!)) i++;
      else if (isApostrophe(code) && i + 1 < n && isWordChar(text.charCodeAt(i + 1), text[i + 1]!)) i++;
      else break;
    }
    out.push({ start, end: i });
  }
  return out;
}

/** A text split into words, with each word's lookup key computed once and shared by the stages. */
export interface WordsOfText {
  words: Word[];
  /** Case-preserving keys ({@link wordKey}). */
  keys: string[];
  /** Lower-cased keys. */
  lower: string[];
}

let memo: { text: string; value: WordsOfText } | undefined;

/** Words of a text and their keys; the last result is memoised, as consecutive stages ask for the same text. */
export function wordsOf(text: string): WordsOfText {
  if (memo?.text === text) return memo.value;
  const words = tokenizeWords(text);
  const keys = words.map((w) => wordKey(text.slice(w.start, w.end)));
  const value = { words, keys, lower: keys.map((k) => k.toLowerCase()) };
  memo = { text, value };
  return value;
}

/** True when the first letter is upper-case ("Christchurch", "al-Qaeda" is false). */
export function startsUpper(s: string): boolean {
  const first = s.match(/\p{L}/u)?.[0];
  return first !== undefined && first !== first.toLowerCase();
}

/** True for acronyms such as "PKK", "ISIS", "U.S.": no lower-case letters and at least two letters. */
export function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}
