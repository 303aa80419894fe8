package io.fulcrum.admin.application;

import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.whatif.HypotheticalOrder;
import io.fulcrum.engine.whatif.WhatIf;
import io.fulcrum.engine.whatif.WhatIfResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Pre-trade checks over the engine's {@link WhatIf}, under the active policy version or the one
 * asked for, with the service's market data. Stores nothing.
 */
@ApplicationScoped
public class WhatIfService {

  @Inject PolicyEngine policies;

  @Inject MarketData marketData;

  public WhatIfResult evaluate(
      MarginRequest request, List<HypotheticalOrder> orders, String policyRef, boolean explain) {
    boolean active = policyRef == null || policyRef.isBlank();
    return WhatIf.evaluate(
        policies.resolve(policyRef),
        active ? "active" : "as asked",
        request,
        orders,
        marketData.sets(),
        explain);
  }
}
