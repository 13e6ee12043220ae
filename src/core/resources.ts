// Kubernetes resource quantities (250m, 0.5, 512Mi, 1G): a request above its limit is refused, as the API
// server would refuse the pod. Parsed by hand in linear time: suffix table, then a decimal number.
import { t } from './i18n/translate.js';
import { ruleCiting, type FieldError } from './field-error.js';
import type { KubernetesSettings } from './project-config.js';

const SUFFIXES: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The value of a quantity in base units (cores, bytes), or undefined when it is not one. */
export function quantityValue(quantity: string): number | undefined {
  const match = /^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:([eE][+-]?[0-9]+)|(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei))?$/.exec(quantity);
  if (!match) return undefined;
  const number = Number(`${match[1]}${match[2] ?? ''}`);
  return Number.isFinite(number) ? number * (SUFFIXES[match[3] ?? ''] ?? 1) : undefined;
}

/** CPU and memory requests are at most their limits. */
export function checkResourcePairs(
  settings: Pick<KubernetesSettings, 'cpuRequest' | 'cpuLimit' | 'memoryRequest' | 'memoryLimit'>,
): FieldError[] {
  const errors: FieldError[] = [];
  const pairs = [
    ['cpu-request', settings.cpuRequest, 'cpu-limit', settings.cpuLimit],
    ['memory-request', settings.memoryRequest, 'memory-limit', settings.memoryLimit],
  ] as const;
  for (const [requestField, request, limitField, limit] of pairs) {
    if (typeof request !== 'string' || typeof limit !== 'string' || !request || !limit) continue;
    const requested = quantityValue(request);
    const allowed = quantityValue(limit);
    if (requested !== undefined && allowed !== undefined && requested > allowed) {
      errors.push({
        field: requestField,
        value: request,
        ...ruleCiting(limitField, (limitLabel) => t('resources.requestAboveLimit', { limitLabel, limit })),
        suggestion: limit,
      });
    }
  }
  return errors;
}

/** `512MB` -> `512M or 512Mi`, `1gb` -> `1G or 1Gi`, `2 Gi` -> `2Gi`: what a quantity was probably meant to be. */
export function suggestQuantity(value: string): string | undefined {
  const match = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([kKmMgGtTpPeE])?([iI])?[bB]?\s*$/.exec(value);
  if (!match || (!match[2] && !match[3] && value.trim() === match[1])) return undefined;
  const [, number, prefix, binary] = match;
  if (!prefix) return number;
  const upper = prefix === 'm' && !binary && !/[bB]/.test(value) ? 'm' : prefix === 'k' || prefix === 'K' ? 'k' : prefix.toUpperCase();
  if (upper === 'm') return undefined;
  const binaryForm = `${number}${upper === 'k' ? 'K' : upper}i`;
  return binary ? binaryForm : `${number}${upper} or ${binaryForm}`;
}
