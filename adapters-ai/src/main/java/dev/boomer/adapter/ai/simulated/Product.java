package dev.boomer.adapter.ai.simulated;

import dev.boomer.domain.item.Condition;
import dev.boomer.domain.market.MarketQuery;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One product the simulated model can "recognise": by the GTIN printed on its photo (the demo samples carry
 * theirs, see samples/README.md), or, for photos it knows nothing about, one of a few unbranded generic
 * items. It never names a branded product it was not shown.
 *
 * @param category the model's own guess at a category; the listing's leaf category comes from the taxonomy
 * @param search   the words a market search for it would use: what it is, not only its brand
 */
record Product(Optional<String> gtin, String brand, String model, String title, String category, String search,
               Condition condition, Map<String, String> specifics, String detail) {

    static final String UNBRANDED = "Unbranded";

    /** The demo samples, by the GTIN on their front photo. */
    static final List<Product> CATALOGUE = List.of(
            new Product(Optional.of("4960999123455"), "Canon", "AE-1 Program",
                    "Canon AE-1 Program 35mm Film SLR Camera Body", "Cameras & Photo > Film Cameras",
                    "canon ae-1 program film camera", Condition.USED_GOOD,
                    Map.of("Type", "SLR", "Film Format", "35mm", "Lens Mount", "Canon FD"),
                    "light wear on the top plate, shutter fires at all speeds"),
            new Product(Optional.of("8884123456782"), "Nike", "Air Max 90",
                    "Nike Air Max 90 Men's Running Sneakers White Size 10", "Clothing, Shoes & Accessories > Men's Shoes",
                    "nike air max 90 sneakers", Condition.USED_VERY_GOOD,
                    Map.of("US Shoe Size", "10", "Department", "Men", "Color", "White", "Style", "Sneaker"),
                    "light creasing, clean soles"),
            new Product(Optional.of("9780141036144"), "Penguin", "Nineteen Eighty-Four",
                    "Nineteen Eighty-Four by George Orwell, Penguin Modern Classics Paperback Book", "Books > Fiction",
                    "nineteen eighty-four george orwell paperback book", Condition.USED_GOOD,
                    Map.of("Book Title", "Nineteen Eighty-Four", "Author", "George Orwell", "Language", "English",
                            "Format", "Paperback", "Publisher", "Penguin"),
                    "spine creased, pages clean"),
            new Product(Optional.of("4006381333931"), "Le Creuset", "Stoneware Mug 350 ml",
                    "Le Creuset Stoneware Coffee Mug 350 ml Volcanic Orange", "Home & Garden > Kitchen > Mugs",
                    "le creuset stoneware mug", Condition.LIKE_NEW,
                    Map.of("Material", "Stoneware", "Color", "Orange", "Capacity", "350 ml", "Type", "Mug"),
                    "no chips or crazing"),
            new Product(Optional.of("0045496730994"), "Nintendo", "Game Boy Color",
                    "Nintendo Game Boy Color Handheld Console Atomic Purple CGB-001", "Video Games & Consoles > Consoles",
                    "nintendo game boy color console", Condition.USED_GOOD,
                    Map.of("Platform", "Nintendo Game Boy Color", "Color", "Atomic Purple", "Type", "Handheld Console"),
                    "screen bright, small scratches on the lens"),
            new Product(Optional.of("4954628123459"), "Seiko", "5 SNK809",
                    "Seiko 5 SNK809 Automatic Men's Watch 37 mm Black Dial Canvas Strap",
                    "Jewelry & Watches > Wristwatches", "seiko snk809 automatic watch", Condition.USED_EXCELLENT,
                    Map.of("Department", "Men", "Type", "Wristwatch", "Movement", "Automatic", "Case Size", "37 mm",
                            "Band Material", "Canvas", "Dial Color", "Black"),
                    "keeps time, crystal unscratched"));

    /** What photos the model does not know are taken for: plain, unbranded things. */
    static final List<Product> GENERIC = List.of(
            generic("Ceramic Flower Vase", "Handmade Ceramic Flower Vase Blue Glaze 20 cm",
                    "Home & Garden > Home Décor > Vases", "ceramic flower vase",
                    Map.of("Material", "Ceramic", "Color", "Blue", "Type", "Vase"), "glaze even, no chips"),
            generic("Wooden Picture Frame", "Oak Wooden Picture Frame 8 x 10 in with Glass Front",
                    "Home & Garden > Home Décor > Frames", "wooden picture frame",
                    Map.of("Material", "Wood", "Picture Size", "8 x 10 in", "Color", "Oak"), "corners tight, glass intact"),
            generic("Glass Tealight Holders", "Clear Glass Tealight Candle Holders, Set of 3",
                    "Home & Garden > Candles & Home Fragrance", "glass tealight candle holder",
                    Map.of("Material", "Glass", "Color", "Clear", "Type", "Tealight Holder"), "no cracks, light wax marks"),
            generic("Canvas Tote Bag", "Natural Canvas Tote Bag with Inner Pocket",
                    "Clothing, Shoes & Accessories > Women's Bags", "canvas tote bag",
                    Map.of("Department", "Women", "Style", "Tote", "Exterior Material", "Canvas",
                            "Exterior Color", "Beige"), "handles strong, one faint mark"),
            generic("Adjustable Desk Lamp", "Black Metal Adjustable Desk Lamp with Swing Arm",
                    "Home & Garden > Lamps", "adjustable desk lamp",
                    Map.of("Type", "Desk Lamp", "Color", "Black", "Material", "Metal"), "switch and joints work"),
            generic("Seagrass Storage Basket", "Woven Seagrass Storage Basket with Handles",
                    "Home & Garden > Home Décor > Baskets", "seagrass storage basket",
                    Map.of("Material", "Seagrass", "Color", "Natural", "Type", "Storage Basket"), "weave intact"));

    /** The catalogue product with this GTIN, whichever form it was read in (a UPC-A is an EAN-13 with a 0). */
    static Optional<Product> withGtin(String gtin) {
        String wanted = MarketQuery.asGtin14(gtin);
        return CATALOGUE.stream().filter(p -> p.gtin().map(MarketQuery::asGtin14).filter(wanted::equals).isPresent())
                .findFirst();
    }

    private static Product generic(String model, String title, String category, String search,
                                   Map<String, String> specifics, String detail) {
        return new Product(Optional.empty(), UNBRANDED, model, title, category, search, Condition.USED_GOOD,
                specifics, detail);
    }
}
