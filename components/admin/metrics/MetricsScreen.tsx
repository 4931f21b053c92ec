export function MetricsScreen(_props: import('../screen-props.ts').ScreenProps) {
  return <p>Metrics: coming soon.</p>;
}
