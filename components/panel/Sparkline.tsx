const WIDTH = 72;
const HEIGHT = 20;

interface SparklineProps {
  values: number[];
  label: string;
  /** Colours follow meaning: a falling line is good news for "days overdue". */
  higherIsBetter: boolean;
}

/** A trend at a glance; the accessible label carries the first and last values in words. */
export function Sparkline({ values, label, higherIsBetter }: SparklineProps) {
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
  const meaning =
    direction === 'flat' ? 'flat' : (direction === 'up') === higherIsBetter ? 'better' : 'worse';
  return (
    <svg
      className={`gl-spark gl-spark--${meaning}`}
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
