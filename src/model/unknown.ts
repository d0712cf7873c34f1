/**
 * A value that cannot be known before apply or from the scanned code alone: a
 * data source, a remote module output, a provider-computed attribute, an input
 * variable with no value, or a placeholder of a plan or preview.
 *
 * Rules never treat an Unknown as absent or as any concrete value; they report
 * "could not evaluate" and name `reason` and `origin`.
 */
export class Unknown {
  constructor(
    /** Why the value is unknown, as a sentence fragment: "computed by the provider". */
    readonly reason: string,
    /** What the value stands for, as written: `var.admin_cidr`, `aws_vpc.main.id`. */
    readonly origin: string,
    /**
     * The resource attribute this value refers to, when it is one. Provider-computed
     * ids stay unknown, but the reference still links two resources in the model.
     */
    readonly ref?: ResourceRef,
  ) {}
}

/** A reference to an attribute of a resource instance, by full address. */
export interface ResourceRef {
  /** Full instance address: `module.net.aws_security_group.web["a"]`. */
  address: string;
  /** Attribute path after the address: `id`, `arn`, `name`. */
  attribute: string;
}

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

/** A value that is either known or explicitly unknown. */
export type Known<T> = T | Unknown;
