import { describe, expect, it } from 'vitest';
import { ruleTable } from './engine-table.ts';
import { designText, lineOf, runDesign, summary } from './design-facts/run-design.ts';

function alarm(name: string, actions: string): string {
  return `resource "aws_cloudwatch_metric_alarm" "${name}" {
  alarm_name          = "${name}"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  metric_name         = "5XXError"
  namespace           = "AWS/ApplicationELB"
  period              = 60
  statistic           = "Sum"
  threshold           = 10
${actions}}
`;
}

const TOPIC = 'resource "aws_sns_topic" "ops" {\n  name = "ops"\n}\n';

ruleTable('app-central-monitoring', {
  coveredElsewhere: ['not-evidenced', 'not-centralised', 'site-not-covered', 'field-unknown'],
  valid: [
    { name: 'an alarm that notifies the operations topic', hcl: TOPIC + alarm('errors', '  alarm_actions       = [aws_sns_topic.ops.arn]\n') },
    { name: 'a silent alarm beside an alerting one', hcl: TOPIC + alarm('errors', '  alarm_actions       = [aws_sns_topic.ops.arn]\n') + alarm('latency', '') },
    { name: 'GuardDuty enabled', hcl: 'resource "aws_guardduty_detector" "main" {\n  enable = true\n}\n' },
    { name: 'a module without monitoring', hcl: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' },
  ],
  invalid: [
    {
      name: 'only alarms without actions',
      hcl: alarm('errors', '') + alarm('latency', '  alarm_actions       = []\n'),
      expected: [{ messageId: 'no-alerting', address: 'aws_cloudwatch_metric_alarm.errors', line: 1, data: { monitors: 'aws_cloudwatch_metric_alarm.errors, aws_cloudwatch_metric_alarm.latency' } }],
    },
    {
      name: 'actions turned off',
      hcl: TOPIC + alarm('errors', '  alarm_actions       = [aws_sns_topic.ops.arn]\n  actions_enabled     = false\n'),
      expected: [{ messageId: 'no-alerting', address: 'aws_cloudwatch_metric_alarm.errors', line: 14 }],
    },
  ],
});

describe('app-central-monitoring on design files', () => {
  const valid = [
    { name: 'a central alerting system for every site', top: 'applicationMonitoring:\n  - { id: zabbix, centralised: true, alerting: true }' },
    { name: 'a system naming the site', top: 'applicationMonitoring:\n  - { id: zabbix, centralised: true, alerting: true, covers: [dc] }' },
  ];
  for (const { name, top } of valid) {
    it(`passes ${name}`, async () => {
      expect(await runDesign('app-central-monitoring', designText(top))).toEqual([]);
    });
  }

  const invalid = [
    { name: 'no application monitoring', top: 'organisation: customs', expected: [['not-evidenced', '  dc:']] },
    { name: 'a local system only', top: 'applicationMonitoring:\n  - { id: local-nagios, centralised: false, alerting: true }', expected: [['not-centralised', 'local-nagios']] },
    { name: 'a system without alerts', top: 'applicationMonitoring:\n  - { id: grafana, centralised: true, alerting: false }', expected: [['no-alerting', 'grafana']] },
    { name: 'a system covering another site', top: 'applicationMonitoring:\n  - { id: zabbix, centralised: true, alerting: true, covers: [dr] }', expected: [['site-not-covered', '  dc:']] },
  ];
  for (const { name, top, expected } of invalid) {
    it(`reports ${name}`, async () => {
      const text = designText(top);
      const findings = await runDesign('app-central-monitoring', text);
      expect(summary(findings)).toEqual(expected.map(([id, at]) => [id, lineOf(text, at!)]));
    });
  }
});
