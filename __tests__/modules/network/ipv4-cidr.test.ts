import { Ipv4Cidr } from '../../../modules/network';

describe('IPv4 blocks', () => {
  test.each(['10.0.0.0/16', '172.31.0.0/20', '192.168.7.0/24', '10.0.128.64/26', '0.0.0.0/0', '255.255.255.255/32'])(
    'GIVEN the network address %s WHEN parsed THEN it prints back the same',
    (text) => {
      expect(Ipv4Cidr.parse(text)?.toString()).toBe(text);
    },
  );

  test.each([
    ['host bits set', '10.0.0.1/16'],
    ['an octet above 255', '10.256.0.0/16'],
    ['a leading zero', '10.01.0.0/16'],
    ['three octets', '10.0.0/16'],
    ['no prefix', '10.0.0.0'],
    ['a prefix above 32', '10.0.0.0/33'],
    ['IPv6', 'fd00::/8'],
    ['not a string', 42],
  ])('GIVEN %s WHEN parsed THEN it is no block', (_what, text) => {
    expect(Ipv4Cidr.parse(text)).toBeUndefined();
  });

  test('GIVEN a /16 WHEN asked THEN it holds 65536 addresses and ends where the next /16 starts', () => {
    const block = Ipv4Cidr.parse('10.0.0.0/16')!;
    expect([block.size, block.end]).toEqual([65536, Ipv4Cidr.parse('10.1.0.0/16')!.network]);
  });

  test('GIVEN a VPC block WHEN compared THEN it contains its subnets and not its neighbours', () => {
    const vpc = Ipv4Cidr.parse('10.0.0.0/16')!;
    expect([
      vpc.contains(Ipv4Cidr.parse('10.0.255.0/24')!),
      vpc.contains(Ipv4Cidr.parse('10.1.0.0/24')!),
      vpc.contains(Ipv4Cidr.parse('10.0.0.0/15')!),
    ]).toEqual([true, false, false]);
  });

  test('GIVEN two blocks WHEN compared THEN they overlap only when they share an address', () => {
    const a = Ipv4Cidr.parse('10.0.1.0/24')!;
    expect([
      a.overlaps(Ipv4Cidr.parse('10.0.1.128/25')!),
      a.overlaps(Ipv4Cidr.parse('10.0.0.0/23')!),
      a.overlaps(Ipv4Cidr.parse('10.0.2.0/24')!),
      a.overlaps(Ipv4Cidr.parse('10.0.0.0/24')!),
    ]).toEqual([true, true, false, false]);
  });

  test('GIVEN a network not aligned to its prefix WHEN built THEN it is refused', () => {
    expect(() => Ipv4Cidr.of(Ipv4Cidr.parse('10.0.1.0/24')!.network, 16)).toThrow('is not aligned to /16');
  });
});
