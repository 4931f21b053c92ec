const WIDTH = 72;
const HEIGHT = 20;

/** A trend at a glance; the accessible label carries the first and last values in words. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  if (values.length < 2) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const points = values
    .map((v, i) => `${(i / (values.length - 1)) * WIDTH},${HEIGHT - 2 - ((v - min) / span) * (HEIGHT - 4)}`)
    .join(' ');
  const first = values[0] ?? 0;
  const last = values[values.length - 1] ?? 0;
  const direction = last > first ? 'up' : last < first ? 'down' : 'flat';
  return (
    <svg
      className={`gl-spark gl-spark--${direction}`}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${label} trend ${direction}, from ${Math.round(first)} to ${Math.round(last)}`}
    >
      <polyline points={points} fill="none" strokeWidth="1.5" />
    </svg>
  );
}
