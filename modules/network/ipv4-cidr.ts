/**
 * An IPv4 block (`10.0.0.0/16`) as numbers, for laying out and checking subnets before anything is
 * synthesized. Only network addresses are blocks: `10.0.0.1/16` has host bits set and is refused, as the
 * aws provider refuses it for a VPC or a subnet.
 */
export class Ipv4Cidr {
  private constructor(
    /** The network address as an unsigned 32-bit number. */
    public readonly network: number,
    /** The prefix length, 0-32. */
    public readonly prefix: number,
  ) {}

  /** The block `text` names, or undefined when it is no IPv4 network address with a prefix. */
  static parse(text: unknown): Ipv4Cidr | undefined {
    if (typeof text !== 'string') return undefined;
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
    if (match === null) return undefined;
    const octets = match.slice(1, 5).map(Number);
    const prefix = Number(match[5]);
    if (octets.some((octet, index) => octet > 255 || String(octet) !== match[index + 1]) || prefix > 32) return undefined;
    const address = octets.reduce((sum, octet) => sum * 256 + octet, 0);
    const block = new Ipv4Cidr(address, prefix);
    return address % block.size === 0 ? block : undefined;
  }

  /** The block of `prefix` bits starting at `network` (which must be aligned to it). */
  static of(network: number, prefix: number): Ipv4Cidr {
    const block = new Ipv4Cidr(network, prefix);
    if (network % block.size !== 0) throw new Error(`${network} is not aligned to /${prefix}`);
    return block;
  }

  /** Addresses in the block. */
  get size(): number {
    return 2 ** (32 - this.prefix);
  }

  /** The first address after the block. */
  get end(): number {
    return this.network + this.size;
  }

  contains(other: Ipv4Cidr): boolean {
    return other.network >= this.network && other.end <= this.end;
  }

  overlaps(other: Ipv4Cidr): boolean {
    return this.network < other.end && other.network < this.end;
  }

  toString(): string {
    const octets = [24, 16, 8, 0].map((shift) => Math.floor(this.network / 2 ** shift) % 256);
    return `${octets.join('.')}/${this.prefix}`;
  }
}
