/** A search snippet: the store marks matched words with [brackets]; they become <mark>, as text. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]{1,200}\])/g);
  return (
    <p className="snippet">
      {parts.map((p, i) =>
        p.startsWith('[') && p.endsWith(']') && p.length > 2 ? (
          <mark key={i} className="evidence">
            {p.slice(1, -1)}
          </mark>
        ) : (
          <span key={i}>{p}</span>
        ),
      )}
    </p>
  );
}
