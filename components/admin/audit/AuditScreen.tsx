export function AuditScreen(_props: import('../screen-props.ts').ScreenProps) {
  return <p>Audit: coming soon.</p>;
}
