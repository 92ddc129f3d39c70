import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseWorkflowCommands } from '../../testing/runner-harness/index.ts';

describe('parseWorkflowCommands', () => {
  test('reads name, properties and message', () => {
    assert.deepEqual(parseWorkflowCommands('::add-mask::s3cr3t\n::warning file=src/a.ts,line=3::look'), [
      { name: 'add-mask', properties: {}, message: 's3cr3t' },
      { name: 'warning', properties: { file: 'src/a.ts', line: '3' }, message: 'look' },
    ]);
  });

  test('decodes %25 %0D %0A in messages, and also %3A %2C in properties', () => {
    const [command] = parseWorkflowCommands('::error title=a%3Ab%2Cc%25::one%0D%0Atwo%3A%2C%25');
    assert.deepEqual(command, {
      name: 'error',
      properties: { title: 'a:b,c%' },
      message: 'one\r\ntwo%3A%2C%',
    });
  });

  test('decodes %25 last, as the runner does, so %250A stays literal', () => {
    assert.equal(parseWorkflowCommands('::debug::%250A')[0]?.message, '%0A');
  });

  test('drops properties with an empty key or value, and keeps = inside a value', () => {
    const [command] = parseWorkflowCommands('::notice title=,=x,file=a=b::m');
    assert.deepEqual(command?.properties, { file: 'a=b' });
  });

  test('accepts leading whitespace, CRLF and empty messages', () => {
    const commands = parseWorkflowCommands('  ::group::Setup\r\n::endgroup::\r\n');
    assert.deepEqual(
      commands.map((command) => [command.name, command.message]),
      [
        ['group', 'Setup'],
        ['endgroup', ''],
      ],
    );
  });

  test('ignores log text, unknown commands and unterminated command lines', () => {
    assert.deepEqual(parseWorkflowCommands('hello ::warning::x\n::unknown::x\n::warning x\n::\n'), []);
  });

  test('ignores every command between ::stop-commands::TOKEN and ::TOKEN::', () => {
    const log = '::stop-commands::pause1\n::add-mask::not-a-mask\n::pause1::\n::add-mask::a-mask';
    assert.deepEqual(
      parseWorkflowCommands(log).map((command) => [command.name, command.message]),
      [
        ['stop-commands', 'pause1'],
        ['add-mask', 'a-mask'],
      ],
    );
  });
});
