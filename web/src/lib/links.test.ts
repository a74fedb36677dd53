import { describe, expect, it } from 'vitest';
import { incidentIdFrom } from './links';

describe('incidentIdFrom', () => {
  it('takes an incident id as pasted, or from the incident’s address', () => {
    expect(incidentIdFrom('inc-6b7e3b7e2d67b86d')).toBe('inc-6b7e3b7e2d67b86d');
    expect(incidentIdFrom('  inc-6b7e3b7e2d67b86d \n')).toBe('inc-6b7e3b7e2d67b86d');
    expect(incidentIdFrom('http://127.0.0.1:8080/incidents/inc-6b7e3b7e2d67b86d')).toBe(
      'inc-6b7e3b7e2d67b86d',
    );
    expect(incidentIdFrom('https://vigil.example/incidents/inc-6b7e3b7e2d67b86d/?x=1#top')).toBe(
      'inc-6b7e3b7e2d67b86d',
    );
  });

  it('refuses what is not an incident', () => {
    expect(incidentIdFrom('')).toBeUndefined();
    expect(incidentIdFrom('stm-0123456789abcdef')).toBeUndefined();
    expect(incidentIdFrom('https://vigil.example/documents/doc_0123')).toBeUndefined();
    expect(incidentIdFrom('the Kabul bombing')).toBeUndefined();
  });
});
