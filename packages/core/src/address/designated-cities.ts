/**
 * The 20 designated cities (政令指定都市), whose wards (〜市〜区) are part of the municipality. Other cities' 〜区
 * (伊達市大滝区, 石狩市浜益区) are districts inside the city and belong to the rest of the address.
 */
export const DESIGNATED_CITIES: readonly string[] = [
  '札幌市',
  '仙台市',
  'さいたま市',
  '千葉市',
  '横浜市',
  '川崎市',
  '相模原市',
  '新潟市',
  '静岡市',
  '浜松市',
  '名古屋市',
  '京都市',
  '大阪市',
  '堺市',
  '神戸市',
  '岡山市',
  '広島市',
  '北九州市',
  '福岡市',
  '熊本市',
];
