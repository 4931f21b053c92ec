/**
 * Puts the panel's host in the page, at the end of the body, and returns what takes it out again.
 *
 * While the HTML parser is still adding to the document, the host waits as the last child of <html>
 * instead: text the parser adds to the body after a host there would start a second text node beside
 * the page's own, and that split outlives the panel (one node more than the page has without Goal Lens).
 * Once the body exists the parser adds no text to <html>, so the host moves into the body only when
 * parsing has ended, and never if it was taken out first.
 */
export function placeHost(host: HTMLElement): () => void {
  if (document.readyState !== 'loading') {
    document.body.append(host);
    return () => host.remove();
  }
  document.documentElement.append(host);
  const moveIntoBody = () => {
    if (document.readyState === 'loading') return;
    document.removeEventListener('readystatechange', moveIntoBody);
    document.body.append(host);
  };
  document.addEventListener('readystatechange', moveIntoBody);
  return () => {
    document.removeEventListener('readystatechange', moveIntoBody);
    host.remove();
  };
}
