import java.awt.*; import java.awt.image.*; import javax.imageio.*; import java.io.*; import java.util.*;
/** Draws the sample product photos: java samples/GenerateSamples.java samples/photos */
public class GenerateSamples {
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
      g.dispose();
      ImageIO.write(img, "jpg", new File(a[0] + "/" + s[i][0] + (v == 0 ? "" : "-2") + ".jpg"));
    }
  }
}
