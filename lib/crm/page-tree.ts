/*
 * The CRM page as its user sees it: the light DOM plus every open shadow root, text as rendered
 * through slots, and only elements that are on screen. Salesforce is moving Lightning's components
 * from synthetic to native shadow DOM (LWC docs, "Build Components in Mixed Shadow Mode":
 * https://developer.salesforce.com/docs/platform/lwc/guide/create-mixed-shadow.html), where
 * `document.querySelector` no longer sees a record's fields; LWC shadow roots are open.
 */

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const FRAGMENT_NODE = 11;
// Never rendered as text.
const UNRENDERED = new Set(['script', 'style', 'template', 'noscript']);

/** The page's light DOM and each open shadow root inside it, each searchable with `querySelectorAll`. */
export type Scopes = readonly ParentNode[];

/**
 * `root` and every open shadow root below it (and `root`'s own, when `root` is a shadow host), in one
 * walk of the composed tree. Subtrees `skip` rejects are not entered: a page that keeps many hidden
 * records costs only the one on screen.
 */
export function openScopes(root: ParentNode, skip: (element: Element) => boolean = () => false): Scopes {
  const own = (root as Partial<Element>).shadowRoot;
  const scopes: ParentNode[] = own ? [root, own] : [root];
  const stack: Element[] = [];
  const pushChildren = (parent: ParentNode) => {
    for (let child = parent.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  };
  pushChildren(root);
  if (own) pushChildren(own);
  for (let element = stack.pop(); element; element = stack.pop()) {
    if (skip(element)) continue;
    const shadow = element.shadowRoot;
    if (shadow) {
      scopes.push(shadow);
      pushChildren(shadow);
    }
    pushChildren(element);
  }
  return scopes;
}

/** Every element matching `selector` in any of the scopes (a selector never spans a shadow boundary). */
export function* queryScopes(scopes: Scopes, selector: string): Generator<Element> {
  for (const scope of scopes) yield* scope.querySelectorAll(selector);
}

/** The first element matching `selector` inside `element`, its open shadow roots included. */
export function queryWithin(element: Element, selector: string): Element | null {
  for (const found of queryScopes(openScopes(element), selector)) return found;
  return null;
}

/** The parent in the composed tree: a shadow root's host stands in for the root. */
function composedParent(node: Node): Node | null {
  const parent = node.parentNode;
  return parent?.nodeType === FRAGMENT_NODE ? ((parent as ShadowRoot).host ?? null) : parent;
}

/** Hidden by the element's own markup: the `hidden` attribute or an inline `display: none`. */
export function hiddenByMarkup(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (!element.hasAttribute('style')) return false;
  return (element as Element & { style?: CSSStyleDeclaration }).style?.display === 'none';
}

/**
 * Whether the user sees `element`: the browser's own answer where there is one (it follows the flat
 * tree, so a hidden shadow host hides what it renders), and the markup's `hidden`/`display:none`
 * anywhere up the composed tree otherwise.
 */
export function isShown(element: Element): boolean {
  for (let node: Node | null = element; node; node = composedParent(node)) {
    if (node.nodeType === ELEMENT_NODE && hiddenByMarkup(node as Element)) return false;
  }
  if (typeof element.checkVisibility !== 'function') return true;
  return element.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true });
}

/** The text `node` renders: a shadow host's shadow tree, a slot's assigned nodes, never scripts or styles. */
export function composedText(node: Node): string {
  if (node.nodeType === TEXT_NODE) return node.nodeValue ?? '';
  if (node.nodeType !== ELEMENT_NODE && node.nodeType !== FRAGMENT_NODE) return '';
  const element = node as Element;
  if (node.nodeType === ELEMENT_NODE && UNRENDERED.has(element.localName)) return '';
  const slot = element as Partial<HTMLSlotElement>;
  if (element.localName === 'slot' && typeof slot.assignedNodes === 'function') {
    const assigned = slot.assignedNodes({ flatten: true });
    if (assigned.length > 0) return assigned.map(composedText).join('');
  }
  let text = '';
  for (const child of (element.shadowRoot ?? node).childNodes) text += composedText(child);
  return text;
}

/**
 * What the user sees as the value of `element`: a form control's value, a drop-down's shown option
 * (a choice field's value is its label, not its stored code), or the rendered text.
 */
export function shownValue(element: Element): string {
  const name = element.localName;
  if (name === 'select') {
    const select = element as HTMLSelectElement;
    const option =
      select.selectedOptions?.[0] ??
      select.querySelector('option[selected], option[data-selected="true"]') ??
      select.options?.[select.selectedIndex] ??
      select.querySelector('option');
    return option ? composedText(option) : '';
  }
  if (name === 'input' || name === 'textarea') {
    const value = (element as HTMLInputElement).value;
    return typeof value === 'string' ? value : (element.getAttribute('value') ?? '');
  }
  return composedText(element);
}
