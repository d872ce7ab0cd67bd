package io.berth.api;

import java.util.List;

/**
 * Checks a plan's IAM documents and resources: the built-in validation and the company rules.
 * A checker that cannot evaluate its rules throws rather than returning no findings, so that
 * a broken or unreachable rule engine fails closed.
 */
public interface PolicyChecker {

    List<Finding> check(Plan plan);
}
