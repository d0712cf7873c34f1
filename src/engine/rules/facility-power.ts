import { isUnknown } from '../../model/unknown.ts';
import type { PowerFacts } from '../../model/evidence.ts';
import { defineRule } from '../define-rule.ts';
import { eachFacility } from './design-facts/facilities.ts';
import { atLeast, checkFlags, type FlagCheck } from './design-facts/flags.ts';

/**
 * Power of sufficient capacity over two different lines, a generator with
 * reserve fuel, and a UPS that is tested to work during an outage
 * (Đ7.3.b, Đ7.3.c). The UPS test must be on record.
 */
export default defineRule({
  id: 'facility-power',
  check(context) {
    eachFacility(context, (facility, subject) => {
      checkFlags(context, facility, subject, powerChecks(facility.power ?? {}));
    });
  },
});

function powerChecks(power: PowerFacts): FlagCheck[] {
  const checks: FlagCheck[] = [
    { field: 'power.lines', value: atLeast(power.lines, 2), written: written(power.lines) },
    { field: 'power.generator', value: power.generator },
    { field: 'power.ups', value: power.ups },
    { field: 'power.upsTested', value: isUnknown(power.upsTested) ? power.upsTested : power.upsTested === undefined ? undefined : true },
  ];
  if (power.generator === true && power.generatorFuelHours !== undefined) {
    checks.push({ field: 'power.generatorFuelHours', value: atLeast(power.generatorFuelHours, 1), written: written(power.generatorFuelHours) });
  }
  return checks;
}

function written(value: PowerFacts['lines']): string | number | undefined {
  return isUnknown(value) ? value.origin : value;
}
