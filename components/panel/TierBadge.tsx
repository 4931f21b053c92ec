import type { PanelView } from '@/lib/panel/view-types.ts';

const SAFE_COLOR = /^#[0-9a-f]{3,8}$/i;

export function TierBadge({ tier }: { tier: PanelView['tier'] }) {
  if (!tier) return <span className="gl-tier gl-tier--none">No tier</span>;
  // The colour comes from the backend; only a plain hex value may reach the style attribute.
  const color = tier.color && SAFE_COLOR.test(tier.color) ? tier.color : undefined;
  return (
    <span
      className="gl-tier"
      style={color ? { borderColor: color } : undefined}
      title={`Tier rank ${tier.rank}`}
    >
      <span className="gl-tier__dot" style={color ? { background: color } : undefined} aria-hidden="true" />
      {tier.name}
    </span>
  );
}
