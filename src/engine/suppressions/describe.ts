import type { InstanceSelector, SuppressionDirective } from './types.ts';

/** Describes in words what a suppression reaches, for `zoneguard suppressions`. */
export function describeScope(directive: SuppressionDirective): string {
  const { scope } = directive;
  const only = selectorText(directive.selector);
  switch (scope.kind) {
    case 'line':
      return `line ${scope.line}${only}`;
    case 'block':
      return `${scope.header.address ?? `${scope.header.type} block`}${only}`;
    case 'module':
      return `${scope.header.address ?? 'module'}${only || ', every instance'}`;
    case 'resource':
      return scope.address;
    case 'waiver':
      return waiverText(scope.address, scope.path);
  }
}

function selectorText(selector: InstanceSelector | undefined): string {
  if (selector === undefined) return '';
  return 'key' in selector ? ` [key=${selector.key}]` : ` [index=${selector.index}]`;
}

function waiverText(address: string | undefined, path: string | undefined): string {
  const parts = [
    ...(address === undefined ? [] : [`address ${address}`]),
    ...(path === undefined ? [] : [`path ${path}`]),
  ];
  return parts.length > 0 ? parts.join(', ') : 'everywhere';
}
