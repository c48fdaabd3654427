/** Opens `pageUrl`, clicks the button labelled `label` and follows the redirects; throws on failure. */
export function click(pageUrl: string, label: string): Promise<void>;
