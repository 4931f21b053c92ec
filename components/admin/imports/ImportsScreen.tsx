export function ImportsScreen(_props: import('../screen-props.ts').ScreenProps) {
  return <p>Imports: coming soon.</p>;
}
