import type { ParagraphCollector } from './paragraphs.ts';
import { PROPERTY_NAMES } from './paragraphs.ts';
import { parseXml } from './xml.ts';

/** Document properties (OOXML core/app/custom, ODF meta) as `property` fragments. */
export function collectProperties(bytes: Uint8Array, part: string, collector: ParagraphCollector): void {
  collector.setPart(part);
  let current: { label: string | undefined; custom: string | undefined; text: string } | undefined;
  let customName: string | undefined;
  parseXml(
    bytes,
    {
      open: (name, attributes) => {
        if (name === 'property') customName = attributes['name'];
        else if (name === 'meta:user-defined') current = { label: undefined, custom: attributes['meta:name'], text: '' };
        else if (name in PROPERTY_NAMES) current = { label: PROPERTY_NAMES[name], custom: undefined, text: '' };
        else if (customName !== undefined && name.startsWith('vt:')) current = { label: undefined, custom: customName, text: '' };
      },
      text: (text) => {
        if (current) current.text += text;
      },
      close: (name) => {
        if (!current) return;
        if (name === 'property') customName = undefined;
        if (name.startsWith('vt:') || name === 'meta:user-defined' || name in PROPERTY_NAMES) {
          const value = current.text.trim();
          if (value) collector.add(current.custom ? `${current.custom}: ${value}` : value, 'property');
          current = undefined;
        }
      },
    },
    part,
  );
}
