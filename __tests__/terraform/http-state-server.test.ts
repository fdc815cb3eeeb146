// The in-memory http state backend the offline Terraform suites keep state in: the protocol answers Terraform
// relies on (Terraform itself storing and reading through it is the offline lifecycle).
import { createHash } from 'crypto';
import { HttpStateServer } from './http-state-server';

describe('HttpStateServer', () => {
  const server = new HttpStateServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  const send = (name: string, method: string, body?: string, headers: Record<string, string> = {}) =>
    fetch(server.address(name), { method, body, headers }).then(async (response) => ({ status: response.status, body: await response.text() }));
  const md5 = (body: string) => createHash('md5').update(body).digest('base64');

  test('GIVEN no state stored WHEN read THEN 404, which Terraform takes for an empty state', async () => {
    expect(await send('none', 'GET')).toEqual({ status: 404, body: '' });
    expect(server.state('none')).toBeUndefined();
  });

  test('GIVEN a state stored with its Content-MD5 WHEN read THEN the same bytes come back, per name', async () => {
    const state = '{"version":4,"resources":[]}';
    expect((await send('a/b', 'POST', state, { 'Content-MD5': md5(state) })).status).toBe(200);
    expect(await send('a/b', 'GET')).toEqual({ status: 200, body: state });
    expect(server.state('a/b')).toBe(state);
    expect((await send('other', 'GET')).status).toBe(404);
  });

  test('GIVEN a body that does not match its Content-MD5 WHEN stored THEN 400 and the stored state is unchanged', async () => {
    await send('kept', 'POST', 'first', { 'Content-MD5': md5('first') });
    expect((await send('kept', 'POST', 'second', { 'Content-MD5': md5('first') })).status).toBe(400);
    expect(server.state('kept')).toBe('first');
  });

  test('GIVEN a stored state WHEN deleted THEN it is gone; other methods are refused with 405', async () => {
    await send('gone', 'POST', 'x');
    expect((await send('gone', 'DELETE')).status).toBe(200);
    expect(server.state('gone')).toBeUndefined();
    expect((await send('gone', 'PUT', 'x')).status).toBe(405);
  });
});
