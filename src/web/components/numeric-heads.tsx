// Column headers of numeric table columns (right-aligned), one per label.

/** A `<th scope="col" class="numeric">` for each label, in order. */
export function NumericHeads({ labels }: { labels: readonly string[] }) {
  return (
    <>
      {labels.map((label) => (
        <th key={label} scope="col" className="numeric">
          {label}
        </th>
      ))}
    </>
  );
}
