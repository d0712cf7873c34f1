import type { InfrastructureModel } from '../../model/types.ts';
import type { Reachability } from '../reachability/types.ts';

/** The approved design a code scan is compared with: every design file of the scan, merged. */
export interface ApprovedDesign {
  model: InfrastructureModel;
  reachability: Reachability;
  /** The design files it was read from. */
  files: string[];
}
