import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from './auth/actor.ts';
import { canEditHelpArticles, canReadCustomer, canSearchCustomers, customerScope, isAuditedRead } from './policy.ts';

const cardholder: Actor = { kind: 'cardholder', role: 'cardholder', userId: 'usr_1', customerId: 'cus_a', displayName: 'A', sessionId: 's' };
const staff = (role: 'agent' | 'supervisor' | 'compliance' | 'admin'): Actor => ({ kind: 'staff', role, userId: 'usr_2', displayName: 'S', agentCode: 'A-1', sessionId: 's' });

describe('policy', () => {
  const table: Array<[string, Actor, string, boolean]> = [
    ['cardholder reads own customer', cardholder, 'cus_a', true],
    ['cardholder cannot read another customer', cardholder, 'cus_b', false],
    ['agent reads any customer', staff('agent'), 'cus_b', true],
    ['supervisor reads any customer', staff('supervisor'), 'cus_b', true],
    ['compliance reads any customer', staff('compliance'), 'cus_b', true],
    ['admin reads any customer', staff('admin'), 'cus_b', true],
  ];
  for (const [name, actor, customer, expected] of table) {
    it(name, () => assert.equal(canReadCustomer(actor, customer), expected));
  }
  it('limits a cardholder to their customer and staff to none', () => {
    assert.equal(customerScope(cardholder), 'cus_a');
    assert.equal(customerScope(staff('agent')), null);
  });
  it('lets only staff search customers, and audits only staff reads', () => {
    assert.equal(canSearchCustomers(cardholder), false);
    assert.equal(canSearchCustomers(staff('agent')), true);
    assert.equal(isAuditedRead(cardholder), false);
    assert.equal(isAuditedRead(staff('compliance')), true);
  });
});

describe('who may edit help articles', () => {
  const table: Array<[string, Actor | null, boolean]> = [
    ['an admin', staff('admin'), true],
    ['an agent', staff('agent'), false],
    ['a supervisor', staff('supervisor'), false],
    ['compliance', staff('compliance'), false],
    ['a cardholder', cardholder, false],
    ['nobody signed in', null, false],
  ];
  for (const [name, actor, expected] of table) {
    it(`${name}: ${expected ? 'yes' : 'no'}`, () => assert.equal(canEditHelpArticles(actor), expected));
  }
});
