# The AWS Network Firewall that filters the inner zones' outbound Internet
# traffic: TLS and HTTP only to the allowed domains (operating system and
# package mirrors, the AWS APIs), everything else dropped.

resource "aws_networkfirewall_rule_group" "allowed_domains" {
  name     = "portal-allowed-domains"
  type     = "STATEFUL"
  capacity = 100

  rule_group {
    rules_source {
      rules_source_list {
        generated_rules_type = "ALLOWLIST"
        target_types         = ["TLS_SNI", "HTTP_HOST"]
        targets              = [".amazonaws.com", ".ubuntu.com", ".postgresql.org"]
      }
    }
  }
}

resource "aws_networkfirewall_firewall_policy" "egress" {
  name = "portal-egress"

  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]

    stateful_rule_group_reference {
      resource_arn = aws_networkfirewall_rule_group.allowed_domains.arn
    }
  }
}

resource "aws_networkfirewall_firewall" "egress" {
  name                = "portal-egress"
  firewall_policy_arn = aws_networkfirewall_firewall_policy.egress.arn
  vpc_id              = aws_vpc.portal.id

  subnet_mapping {
    subnet_id = aws_subnet.zone["firewall"].id
  }
}
