import type { PanelView } from '@/lib/panel/view-types.ts';

const SAFE_COLOR = /^#[0-9a-f]{3,8}$/i;

export function TierBadge({ tier, isNew = false }: { tier: PanelView['tier']; isNew?: boolean }) {
  if (!tier) return <span className="gl-tier gl-tier--none">No tier</span>;
  // The colour comes from the backend; only a plain hex value may reach the style attribute.
  const color = tier.color && SAFE_COLOR.test(tier.color) ? tier.color : undefined;
  return (
    <span
      className={`gl-tier${isNew ? ' gl-new' : ''}`}
      data-new={isNew || undefined}
      style={color ? { borderColor: color } : undefined}
      title={`Tier rank ${tier.rank}`}
    >
      <span className="gl-tier__dot" style={color ? { background: color } : undefined} aria-hidden="true" />
      {tier.name}
    </span>
  );
}
