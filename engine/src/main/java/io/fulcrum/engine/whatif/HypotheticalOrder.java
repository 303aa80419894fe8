package io.fulcrum.engine.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginMode;
import io.fulcrum.engine.json.RequestReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An order that has not been placed: what the account would hold if it filled.
 *
 * @param quantity signed contracts: positive buys, negative sells; never zero
 * @param price fill price per unit of the underlying; null means the current mark price
 * @param marginMode for a new position (CROSS when null); ignored when merging into one held
 * @param leverage for a new position; null lets the policy choose
 * @param isolatedMargin wallet for a new ISOLATED position
 */
public record HypotheticalOrder(
    String instrument,
    BigDecimal quantity,
    BigDecimal price,
    MarginMode marginMode,
    BigDecimal leverage,
    BigDecimal isolatedMargin) {

  /** The fields an order may have. */
  public static final Set<String> FIELDS =
      Set.of("instrument", "quantity", "price", "marginMode", "leverage", "isolatedMargin");

  /**
   * Reads the {@code orders} array of a what-if (the REST body's {@code orders}, the CLI's {@code
   * --orders} file). Errors name the field by path, {@code orders[0].quantity}; unknown fields are
   * refused; the request reader's limits on decimals and text apply.
   */
  public static List<HypotheticalOrder> readAll(JsonNode node) {
    if (node == null || !node.isArray()) {
      throw new InvalidRequest(
          "orders", "orders must be an array of {instrument, quantity, price?}");
    }
    List<HypotheticalOrder> orders = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String path = "orders[" + i + "]";
      JsonNode o = node.get(i);
      if (!o.isObject()) {
        throw new InvalidRequest(path, "each order must be an object");
      }
      o.fieldNames()
          .forEachRemaining(
              n -> {
                if (!FIELDS.contains(n)) {
                  throw new InvalidRequest(
                      path + "." + n, "unknown field '" + n + "'; known fields: " + FIELDS);
                }
              });
      try {
        orders.add(RequestReader.read(o.toString(), HypotheticalOrder.class));
      } catch (InvalidRequest e) {
        String field = e.field().equals("(body)") ? path : path + "." + e.field();
        throw new InvalidRequest(field, e.getMessage().substring(e.field().length() + 2));
      }
    }
    return orders;
  }
}
