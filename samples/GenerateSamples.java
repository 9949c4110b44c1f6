import java.awt.*; import java.util.Map; import java.awt.image.*; import javax.imageio.*; import java.io.*; import java.util.*;
/** Draws the sample product photos: java samples/GenerateSamples.java samples/photos */
public class GenerateSamples {
  /** First 12 digits of the EAN-13 printed on the front photo of these samples; the check digit is computed. */
  static final Map<String, String> BARCODES = Map.of("book", "978014103614", "mug", "400638133393", "console", "004549673099",
      "camera", "496099912345", "sneaker", "888412345678", "watch", "495462812345");
  static final String[] L = {"0001101","0011001","0010011","0111101","0100011","0110001","0101111","0111011","0110111","0001011"};
  static final String[] G = {"0100111","0110011","0011011","0100001","0011101","0111001","0000101","0010001","0001001","0010111"};
  static final String[] PARITY = {"LLLLLL","LLGLGG","LLGGLG","LLGGGL","LGLLGG","LGGLLG","LGGGLL","LGLGLG","LGLGGL","LGGLGL"};

  static String withCheckDigit(String twelve) {
    int sum = 0;
    for (int k = 0; k < 12; k++) sum += (twelve.charAt(k) - '0') * (k % 2 == 0 ? 1 : 3);
    return twelve + (10 - sum % 10) % 10;
  }

  /** An EAN-13 label (white quiet zone, 95 modules of 4 px, digits below) at x, y. */
  static void drawEan13(Graphics2D g, String twelve, int x, int y) {
    String code = withCheckDigit(twelve);
    StringBuilder bits = new StringBuilder("101");
    String parity = PARITY[code.charAt(0) - '0'];
    for (int k = 1; k <= 6; k++) { int d = code.charAt(k) - '0'; bits.append(parity.charAt(k - 1) == 'L' ? L[d] : G[d]); }
    bits.append("01010");
    for (int k = 7; k <= 12; k++) { int d = code.charAt(k) - '0'; bits.append(L[d].replace('0', 'x').replace('1', '0').replace('x', '1')); }
    bits.append("101");
    int module = 4;
    g.setColor(Color.WHITE);
    g.fillRect(x, y, (95 + 20) * module, 190);
    g.setColor(Color.BLACK);
    for (int k = 0; k < bits.length(); k++) if (bits.charAt(k) == '1') g.fillRect(x + (10 + k) * module, y + 15, module, 140);
    g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 26));
    g.drawString(code, x + 12 * module, y + 182);
    System.out.println("barcode " + code);
  }

  public static void main(String[] a) throws Exception {
    String[][] s = {{"camera","Vintage camera"},{"sneaker","Sneaker"},{"book","Paperback"},{"mug","Mug"},{"console","Handheld"},{"watch","Watch"}};
    for (int i = 0; i < s.length; i++) for (int v = 0; v < 2; v++) {
      int w = 1200, h = 900; BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics(); g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      Random r = new Random(i * 10 + v);
      g.setPaint(new GradientPaint(0, 0, new Color(235, 230, 220), 0, h, new Color(170, 160, 150))); g.fillRect(0, 0, w, h);
      g.setColor(new Color(120, 90, 60)); g.fillRect(0, h * 2 / 3, w, h / 3);
      g.setColor(new Color(0, 0, 0, 60)); g.fillOval(260 + v * 40, h * 2 / 3 - 30, 700, 90);
      Color c = Color.getHSBColor(r.nextFloat(), 0.6f, 0.7f);
      g.setPaint(new GradientPaint(300, 200, c.brighter(), 900, 650, c.darker()));
      g.fillRoundRect(300 + v * 60, 220 - v * 20, 600 - v * 80, 420, 60, 60);
      g.setColor(Color.WHITE); g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 54)); g.drawString(s[i][1], 360 + v * 60, 440);
      for (int k = 0; k < 40000; k++) { int x = r.nextInt(w), y = r.nextInt(h); int p = img.getRGB(x, y); int d = r.nextInt(21) - 10;
        img.setRGB(x, y, new Color(Math.max(0, Math.min(255, ((p >> 16) & 255) + d)), Math.max(0, Math.min(255, ((p >> 8) & 255) + d)), Math.max(0, Math.min(255, (p & 255) + d))).getRGB()); }
      if (v == 0 && BARCODES.containsKey(s[i][0])) {
        drawEan13(g, BARCODES.get(s[i][0]), 640, 560);
      }
      g.dispose();
      ImageIO.write(img, "jpg", new File(a[0] + "/" + s[i][0] + (v == 0 ? "" : "-2") + ".jpg"));
    }
  }
}
