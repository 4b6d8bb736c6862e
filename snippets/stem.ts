/**
 * A light English stemmer for search terms: it folds the word forms people type into one key
 * (payments → payment, retrying/retries/retried → retri, hashing → hash, migrations →
 * migration, verifying → verifi), by removing a few inflectional suffixes only. It never
 * touches short words, so names like `css` or `redis` stay whole.
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 4) return w;
  if (w.endsWith("ies") && w.length > 5) w = `${w.slice(0, -3)}i`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (/[^aeiou]es$/.test(w) && /(?:ch|sh|x|ss|zz)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith("ed") && !w.endsWith("eed")) w = undouble(w.slice(0, -2));
  if (w.length > 3 && w.endsWith("y") && !/[aeiou]y$/.test(w)) w = `${w.slice(0, -1)}i`;
  if (w.length > 4 && w.endsWith("e") && !/(?:ee|ie|ye)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** hashing → hash, but stopping → stop: a doubled final consonant left by -ing/-ed goes. */
function undouble(w: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
}
