package dev.boomer.wiring;

import dev.boomer.domain.cost.ModelPrice;
import io.micronaut.context.annotation.EachProperty;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/**
 * One row of the price table ({@code boomer.prices} is a list, because model names contain dots).
 * Prices are USD per million tokens.
 */
@EachProperty(value = "boomer.prices", list = true)
public record ModelPriceProperties(
        @NotBlank String model,
        @NotNull @DecimalMin("0") BigDecimal input,
        @NotNull @DecimalMin("0") BigDecimal output,
        @NotNull @DecimalMin("0") BigDecimal cacheWrite,
        @NotNull @DecimalMin("0") BigDecimal cacheRead) {

    ModelPrice toPrice() {
        return new ModelPrice(input, output, cacheWrite, cacheRead);
    }
}
