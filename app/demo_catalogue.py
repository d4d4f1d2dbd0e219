"""Demo catalogue for the three demo stores, used by ``flask demo``.

Pure data. Each store gets three collections and twenty products; every
product carries its texts in English, Simplified Chinese, Arabic and Japanese
(the store's own language is the product's default text). Options are written
in the store's language, one option a line ("Name: value, value"). Prices are
text in the store's currency (USD and AED with two decimals at most, JPY in
whole yen). The Court Classic sneaker is sold by both "acme" and "souq" under
the same GTIN-13.
"""

from __future__ import annotations

SHARED_SNEAKER_GTIN = "0084123451208"

DEMO_COLLECTIONS = {
    "acme": [
        ("new-season", "New season",
         "Fresh arrivals for the months ahead, from lightweight layers to the latest audio gear."),
        ("gifts", "Gifts under $50",
         "Thoughtful, useful picks that make great presents without breaking the bank."),
        ("essentials", "Everyday essentials",
         "The dependable basics we reach for every day, built to last."),
    ],
    "sakura": [
        ("new-arrivals", "新着アイテム",
         "今シーズン新たに仲間入りした、職人の手仕事による品々をご紹介します。"),
        ("gift-ideas", "贈り物におすすめ",
         "大切な方への贈り物にぴったりの、長く愛用できる品を集めました。"),
        ("tea-time", "お茶の時間",
         "急須や湯呑み、選りすぐりの日本茶で、ほっとひと息つくひとときを。"),
    ],
    "souq": [
        ("ramadan-gifts", "هدايا رمضان",
         "مختارات من العطور والبخور والأزياء التقليدية لتهاديها مع الأهل والأصدقاء في الشهر الفضيل."),
        ("new-arrivals", "وصل حديثًا",
         "أحدث القطع التي وصلت إلى متجرنا هذا الموسم."),
        ("summer-edit", "تشكيلة الصيف",
         "خامات خفيفة ومنتجات عناية بالبشرة تناسب حرارة الصيف وأيام العطلات."),
    ],
}

DEMO_CATALOGUE = {
    # ------------------------------------------------------------------ acme (US, English, USD)
    "acme": [
        {
            "slug": "organic-cotton-tee",
            "category": "t-shirts",
            "brand": "acme-basics",
            "options": "Colour: White, Black, Heather Grey\nSize: S, M, L, XL",
            "price": "24.00",
            "compare_at": None,
            "stock": 40,
            "units_sold": 412,
            "colour": (236, 234, 228),
            "images": 3,
            "gtin": "",
            "origin": "US",
            "weight_grams": 180,
            "hs_code": "610910",
            "collections": ["essentials", "gifts"],
            "texts": {
                "en": ("Organic Cotton Crew Tee",
                       "<p>A midweight crew-neck tee knitted from 100% organic cotton. It is pre-shrunk, so it keeps "
                       "its fit wash after wash.</p><ul><li>180 g/m² single jersey</li><li>Taped neck seam, regular "
                       "fit</li><li>Machine wash cold, tumble dry low</li></ul>"),
                "zh-hans": ("有机棉圆领T恤",
                            "<p>采用100%有机棉织造的中等厚度圆领T恤。面料经过预缩处理，多次洗涤后依然保持版型。</p>"
                            "<ul><li>180克/平方米单面针织布</li><li>领口包边加固，常规版型</li>"
                            "<li>冷水机洗，低温烘干</li></ul>"),
                "ar": ("تيشيرت قطن عضوي بياقة دائرية",
                       "<p>تيشيرت متوسط السماكة بياقة دائرية، منسوج من قطن عضوي بنسبة 100%. القماش معالج مسبقًا ضد "
                       "الانكماش ليحافظ على مقاسه بعد كل غسلة.</p><ul><li>قماش جيرسيه بوزن 180 غ/م²</li>"
                       "<li>درزة رقبة مدعّمة وقَصّة عادية</li><li>غسيل آلي بماء بارد وتجفيف على حرارة منخفضة</li></ul>"),
                "ja": ("オーガニックコットン クルーネックTシャツ",
                       "<p>オーガニックコットン100％で編み立てた、ほどよい厚みのクルーネックTシャツです。防縮加工済みなので、"
                       "洗濯を重ねても形が崩れにくく仕上げています。</p><ul><li>180g/m²の天竺編み</li>"
                       "<li>補強テープ付きのネック、レギュラーフィット</li><li>洗濯機（冷水）可、タンブラー乾燥は低温で</li></ul>"),
            },
        },
        {
            "slug": "linen-shirt",
            "category": "t-shirts",
            "brand": "acme-basics",
            "options": "Colour: White, Navy\nSize: S, M, L",
            "price": "39.90",
            "compare_at": "49.90",
            "stock": 12,
            "units_sold": 137,
            "colour": (34, 52, 88),
            "images": 2,
            "gtin": "",
            "origin": "PT",
            "weight_grams": 210,
            "hs_code": "620590",
            "collections": ["new-season", "gifts"],
            "texts": {
                "en": ("Linen Camp Shirt",
                       "<p>A relaxed camp-collar shirt cut from breathable European linen that softens with every "
                       "wash. Coconut-shell buttons and a straight hem make it easy to wear tucked in or loose.</p>"
                       "<p>Machine wash at 30 °C and hang to dry; iron while slightly damp.</p>"),
                "zh-hans": ("亚麻古巴领衬衫",
                            "<p>这款宽松古巴领衬衫选用透气的欧洲亚麻面料，越洗越柔软。椰壳纽扣搭配平直下摆，"
                            "塞进裤腰或自然垂放都好看。</p><p>30°C机洗后晾干，微潮时熨烫效果最佳。</p>"),
                "ar": ("قميص كتان بياقة مفتوحة",
                       "<p>قميص مريح بياقة مفتوحة مصنوع من كتان أوروبي يسمح بمرور الهواء ويزداد نعومة مع كل غسلة. "
                       "أزراره من قشر جوز الهند وحافته السفلية مستقيمة، فيمكن ارتداؤه داخل البنطال أو خارجه.</p>"
                       "<p>يُغسل في الغسالة على 30 درجة مئوية ويُنشر ليجف، ويُكوى وهو رطب قليلًا.</p>"),
                "ja": ("リネン オープンカラーシャツ",
                       "<p>通気性のよいヨーロッパ産リネンを使った、ゆったりとしたオープンカラーシャツ。洗うほどに柔らかく"
                       "肌になじみます。ココナッツシェルのボタンとストレートな裾で、タックインでも裾出しでも着こなせます。</p>"
                       "<p>30℃で洗濯機洗い後は吊り干しし、少し湿り気が残るうちにアイロンをかけてください。</p>"),
            },
        },
        {
            "slug": "heavyweight-pocket-tee",
            "category": "t-shirts",
            "brand": "acme-basics",
            "options": "Colour: Olive, Sand, Black\nSize: M, L, XL",
            "price": "32.00",
            "compare_at": None,
            "stock": 0,
            "units_sold": 265,
            "colour": (107, 112, 72),
            "images": 2,
            "gtin": "",
            "origin": "US",
            "weight_grams": 260,
            "hs_code": "610910",
            "collections": ["essentials"],
            "texts": {
                "en": ("Heavyweight Pocket Tee",
                       "<p>Made from dense 240 g/m² ring-spun cotton, this boxy tee holds its shape and only gets "
                       "better with age. A reinforced chest pocket and double-stitched hems stand up to everyday "
                       "wear.</p><p>Wash inside out in cold water; shrinkage is minimal.</p>"),
                "zh-hans": ("重磅口袋T恤",
                            "<p>采用240克/平方米的高密度环锭纺棉，廓形方正挺括，越穿越有味道。胸前口袋经过加固，"
                            "下摆双线缝制，经得起日常穿着。</p><p>建议翻面冷水洗涤，几乎不缩水。</p>"),
                "ar": ("تيشيرت ثقيل بجيب",
                       "<p>تيشيرت بقصة مربعة مصنوع من قطن كثيف مغزول بوزن 240 غ/م²، يحافظ على شكله ويزداد جمالًا مع "
                       "الاستعمال. جيب الصدر مدعّم والحواف بخياطة مزدوجة لتتحمل الاستخدام اليومي.</p>"
                       "<p>يُغسل مقلوبًا بماء بارد، وانكماشه ضئيل جدًا.</p>"),
                "ja": ("ヘビーウェイト ポケットTシャツ",
                       "<p>240g/m²の肉厚なリングスパンコットンを使ったボックスシルエットのTシャツ。型崩れしにくく、"
                       "着込むほどに風合いが増します。胸ポケットは補強済み、裾はダブルステッチで毎日の着用にも耐えます。</p>"
                       "<p>裏返して冷水で洗ってください。縮みはごくわずかです。</p>"),
            },
        },
        {
            "slug": "mountain-sunrise-tee",
            "category": "t-shirts",
            "brand": None,
            "options": "Size: S, M, L, XL",
            "price": "28.00",
            "compare_at": None,
            "stock": 3,
            "units_sold": 88,
            "colour": (231, 129, 73),
            "images": 2,
            "gtin": "",
            "origin": "HN",
            "weight_grams": 170,
            "hs_code": "610910",
            "collections": ["gifts"],
            "texts": {
                "en": ("Mountain Sunrise Graphic Tee",
                       "<p>A soft cotton-blend tee with a hand-drawn mountain sunrise, printed in water-based inks "
                       "that won't crack. It is slightly tapered through the body for a modern fit.</p>"
                       "<p>Wash cold inside out and skip the dryer to keep the print crisp.</p>"),
                "zh-hans": ("山间日出印花T恤",
                            "<p>柔软的棉混纺T恤，胸前是手绘山间日出图案，采用水性油墨印制，不易龟裂。衣身略微收窄，"
                            "版型更显利落。</p><p>请翻面冷水洗涤，避免烘干，让图案保持清晰。</p>"),
                "ar": ("تيشيرت مطبوع بشروق الجبال",
                       "<p>تيشيرت ناعم من مزيج القطن عليه رسم يدوي لشروق الشمس فوق الجبال، مطبوع بأحبار مائية لا "
                       "تتشقق. قصّته ضيقة قليلًا عند الجسم لإطلالة عصرية.</p><p>يُغسل مقلوبًا بماء بارد، ويُفضَّل "
                       "عدم استخدام المجفف للحفاظ على وضوح الطبعة.</p>"),
                "ja": ("マウンテンサンライズ グラフィックTシャツ",
                       "<p>山の日の出を描いた手描きイラストを、ひび割れしにくい水性インクでプリントした柔らかなコットン混"
                       "Tシャツ。身幅をやや絞った、今どきのシルエットです。</p><p>プリントをきれいに保つため、裏返して冷水で"
                       "洗い、乾燥機は避けてください。</p>"),
            },
        },
        {
            "slug": "waffle-long-sleeve-tee",
            "category": "t-shirts",
            "brand": "acme-basics",
            "options": "Colour: Oatmeal, Charcoal\nSize: S, M, L, XL",
            "price": "36.00",
            "compare_at": None,
            "stock": 18,
            "units_sold": 54,
            "colour": (214, 200, 176),
            "images": 1,
            "gtin": "",
            "origin": "US",
            "weight_grams": 240,
            "hs_code": "610910",
            "collections": ["new-season"],
            "texts": {
                "en": ("Waffle-Knit Long Sleeve Tee",
                       "<p>A textured waffle knit in a cotton-modal blend that traps warmth without bulk, ideal for "
                       "layering under a shell or a flannel shirt. Ribbed cuffs stay put when you push the sleeves "
                       "up.</p><p>Machine wash cold and lay flat to dry.</p>"),
                "zh-hans": ("华夫格长袖T恤",
                            "<p>棉与莫代尔混纺的华夫格针织面料，轻薄却能锁住温暖，很适合叠穿在外套或法兰绒衬衫里。"
                            "罗纹袖口即使挽起也不易滑落。</p><p>冷水机洗，平铺晾干。</p>"),
                "ar": ("تيشيرت بأكمام طويلة بنسيج الوافل",
                       "<p>نسيج وافل بارز من مزيج القطن والمودال يحتفظ بالدفء دون أن يضيف حجمًا، وهو مثالي تحت "
                       "الجاكيت أو قميص الفلانيل. أساور الأكمام المضلعة تبقى في مكانها عند رفع الأكمام.</p>"
                       "<p>يُغسل في الغسالة بماء بارد ويُجفف مفرودًا.</p>"),
                "ja": ("ワッフル編み 長袖Tシャツ",
                       "<p>コットンとモダールの混紡によるワッフル編みで、かさばらずに暖かさをキープ。シェルジャケットや"
                       "ネルシャツのインナーに最適です。リブ袖口なので、袖をまくってもずり落ちにくい仕様です。</p>"
                       "<p>洗濯機（冷水）で洗い、平干ししてください。</p>"),
            },
        },
        {
            "slug": "trail-jacket",
            "category": "jackets",
            "brand": "northwind",
            "options": "Colour: Forest Green, Black\nSize: M, L, XL",
            "price": "129.00",
            "compare_at": "159.00",
            "stock": 4,
            "units_sold": 96,
            "colour": (46, 94, 62),
            "images": 3,
            "gtin": "",
            "origin": "VN",
            "weight_grams": 420,
            "hs_code": "620193",
            "collections": ["new-season"],
            "texts": {
                "en": ("Trail Shell Jacket",
                       "<p>A lightweight 2.5-layer shell with fully taped seams, rated 10,000 mm waterproof and "
                       "breathable enough for steep climbs. The adjustable hood fits over a cap, and the jacket "
                       "packs into its own chest pocket.</p><ul><li>Pit zips for ventilation</li><li>PFC-free "
                       "water-repellent finish</li><li>Weight: 420 g (size L)</li></ul>"),
                "zh-hans": ("徒步防水冲锋衣",
                            "<p>轻量2.5层防水外套，全压胶缝线，防水指数达10,000毫米，透气性足以应对陡峭爬升。"
                            "可调节帽兜能罩住棒球帽，整件外套还能收纳进自身的胸袋。</p><ul><li>腋下拉链通风</li>"
                            "<li>不含PFC的防泼水涂层</li><li>重量：420克（L码）</li></ul>"),
                "ar": ("جاكيت المسارات المقاوم للماء",
                       "<p>جاكيت خفيف من طبقتين ونصف بدرزات ملصوقة بالكامل، بمقاومة للماء تبلغ 10,000 مم وقدرة تهوية "
                       "تناسب الصعود الشاق. القلنسوة قابلة للتعديل وتتسع فوق القبعة، ويُطوى الجاكيت داخل جيب الصدر "
                       "نفسه.</p><ul><li>سحّابات تهوية تحت الإبط</li><li>طبقة طاردة للماء خالية من مركبات PFC</li>"
                       "<li>الوزن: 420 غ (مقاس L)</li></ul>"),
                "ja": ("トレイル シェルジャケット",
                       "<p>全シームテープ処理を施した軽量2.5レイヤーのシェル。耐水圧10,000mmで、急な登りでも蒸れにくい"
                       "透湿性を備えています。調整式フードはキャップの上からかぶれ、ジャケット本体は胸ポケットに収納できます。"
                       "</p><ul><li>換気用の脇下ジッパー</li><li>PFCフリーの撥水加工</li><li>重量：420g（Lサイズ）</li></ul>"),
            },
        },
        {
            "slug": "packable-down-jacket",
            "category": "jackets",
            "brand": "northwind",
            "options": "Colour: Navy, Rust\nSize: S, M, L, XL",
            "price": "149.00",
            "compare_at": None,
            "stock": 0,
            "units_sold": 143,
            "colour": (168, 74, 44),
            "images": 2,
            "gtin": "",
            "origin": "CN",
            "weight_grams": 380,
            "hs_code": "620193",
            "collections": [],
            "texts": {
                "en": ("Packable Down Jacket",
                       "<p>Filled with 700-fill-power responsibly sourced down, this jacket gives real warmth at just "
                       "380 g and stuffs into the included sack. The ripstop nylon shell shrugs off light drizzle and "
                       "wind.</p><p>Wash on a gentle cycle and tumble dry low with dryer balls to restore the "
                       "loft.</p>"),
                "zh-hans": ("可收纳轻羽绒服",
                            "<p>填充700蓬松度、来源可追溯的羽绒，整件仅重380克却保暖十足，还能塞进附赠的收纳袋。"
                            "防撕裂尼龙面料可抵御小雨和寒风。</p><p>请用轻柔模式洗涤，并放入烘干球低温烘干，"
                            "以恢复蓬松。</p>"),
                "ar": ("جاكيت ريش قابل للطي",
                       "<p>محشو بريش بقوة انتفاخ 700 من مصادر مسؤولة، يمنح دفئًا حقيقيًا بوزن 380 غ فقط ويُطوى داخل "
                       "الكيس المرفق. غلافه من نايلون ريب ستوب يصد الرذاذ الخفيف والرياح.</p><p>يُغسل على دورة لطيفة "
                       "ويُجفف على حرارة منخفضة مع كرات التجفيف ليستعيد انتفاخه.</p>"),
                "ja": ("パッカブル ダウンジャケット",
                       "<p>責任ある調達による700フィルパワーのダウンを封入。わずか380gでしっかり暖かく、付属の収納袋に"
                       "コンパクトに収まります。リップストップナイロンの表地が小雨や風をしのぎます。</p><p>弱水流で洗い、"
                       "ドライヤーボールと一緒に低温でタンブラー乾燥すると、ふくらみが戻ります。</p>"),
            },
        },
        {
            "slug": "denim-trucker-jacket",
            "category": "jackets",
            "brand": "acme-basics",
            "options": "Wash: Indigo, Light Blue\nSize: S, M, L, XL",
            "price": "89.00",
            "compare_at": None,
            "stock": 14,
            "units_sold": 71,
            "colour": (40, 62, 110),
            "images": 2,
            "gtin": "",
            "origin": "MX",
            "weight_grams": 780,
            "hs_code": "620332",
            "collections": ["essentials"],
            "texts": {
                "en": ("Denim Trucker Jacket",
                       "<p>A classic four-pocket trucker jacket in 13 oz rigid cotton denim that breaks in and fades "
                       "to match the way you wear it. Copper shank buttons and adjustable waist tabs complete the "
                       "look.</p><p>Wash rarely, inside out and cold, to keep the indigo deep.</p>"),
                "zh-hans": ("经典牛仔夹克",
                            "<p>经典四口袋牛仔夹克，采用13盎司原色棉质牛仔布，会随着穿着习惯自然贴合并褪色。"
                            "铜质工字扣与可调节腰襻，细节到位。</p><p>尽量少洗，洗时翻面冷水，能保持靛蓝色泽浓郁。</p>"),
                "ar": ("جاكيت جينز كلاسيكي",
                       "<p>جاكيت جينز كلاسيكي بأربعة جيوب من دنيم قطني متين بوزن 13 أونصة، يلين ويبهت لونه تدريجيًا "
                       "بحسب طريقة ارتدائك له. أزرار نحاسية وأشرطة خصر قابلة للتعديل تكمل الإطلالة.</p><p>اغسله نادرًا، "
                       "مقلوبًا وبماء بارد، ليحافظ على عمق لون النيلة.</p>"),
                "ja": ("デニム トラッカージャケット",
                       "<p>13ozのリジッドコットンデニムを使った、定番の4ポケット・トラッカージャケット。着る人の動きに"
                       "合わせてなじみ、色落ちしていきます。銅のシャンクボタンと調整用ウエストタブがアクセントです。</p>"
                       "<p>インディゴの深い色を保つため、洗濯は控えめに、裏返して冷水で。</p>"),
            },
        },
        {
            "slug": "sherpa-fleece-jacket",
            "category": "jackets",
            "brand": "acme-basics",
            "options": "Colour: Cream, Moss\nSize: S, M, L",
            "price": "69.00",
            "compare_at": None,
            "stock": 9,
            "units_sold": 122,
            "colour": (231, 222, 202),
            "images": 2,
            "gtin": "",
            "origin": "VN",
            "weight_grams": 520,
            "hs_code": "610130",
            "collections": ["new-season"],
            "texts": {
                "en": ("Sherpa Fleece Jacket",
                       "<p>A cosy high-pile fleece jacket made from recycled polyester, with a full-length zip and "
                       "two zipped hand pockets. Nylon trim on the shoulders and pockets adds durability.</p>"
                       "<p>Machine wash cold; do not iron or use fabric softener.</p>"),
                "zh-hans": ("羊羔绒夹克",
                            "<p>由再生聚酯纤维制成的长绒羊羔绒夹克，全开拉链，配有两个带拉链的插手口袋。"
                            "肩部和口袋饰以尼龙拼接，更加耐磨。</p><p>冷水机洗，请勿熨烫或使用柔顺剂。</p>"),
                "ar": ("جاكيت فليس شيربا",
                       "<p>جاكيت دافئ من فليس كثيف الوبر مصنوع من البوليستر المعاد تدويره، بسحّاب كامل وجيبين جانبيين "
                       "بسحّاب. تطعيمات النايلون على الكتفين والجيوب تزيد من متانته.</p><p>يُغسل بماء بارد في الغسالة، "
                       "دون كيّ أو منعّم أقمشة.</p>"),
                "ja": ("シェルパフリース ジャケット",
                       "<p>リサイクルポリエステルを使った毛足の長いボアフリースジャケット。フルジップで、ジップ付きの"
                       "ハンドポケットを2つ備えています。肩とポケットのナイロン切り替えで耐久性もアップしました。</p>"
                       "<p>洗濯機（冷水）可。アイロンと柔軟剤の使用は避けてください。</p>"),
            },
        },
        {
            "slug": "court-classic-sneaker",
            "category": "shoes",
            "brand": "northwind",
            "options": "Size: 7, 8, 9, 10, 11, 12",
            "price": "95.00",
            "compare_at": None,
            "stock": 20,
            "units_sold": 318,
            "colour": (245, 245, 240),
            "images": 3,
            "gtin": SHARED_SNEAKER_GTIN,
            "origin": "VN",
            "weight_grams": 850,
            "hs_code": "640399",
            "collections": ["essentials"],
            "texts": {
                "en": ("Court Classic Leather Sneaker",
                       "<p>A clean low-top sneaker with a full-grain leather upper, a padded collar and a stitched "
                       "cupsole that can be resoled. The cushioned cork-blend footbed moulds to your foot over "
                       "time.</p><p>Wipe with a damp cloth and use a leather conditioner every few months.</p>"),
                "zh-hans": ("Court Classic 真皮板鞋",
                            "<p>简洁的低帮板鞋，鞋面为全粒面真皮，鞋口加衬软垫，杯底采用缝线工艺，日后可更换鞋底。"
                            "软木混合缓震鞋垫会随着穿着逐渐贴合脚型。</p><p>用湿布擦拭清洁，每隔几个月涂一次皮革护理剂。</p>"),
                "ar": ("حذاء كورت كلاسيك الجلدي",
                       "<p>حذاء رياضي منخفض بتصميم بسيط، وجهه من جلد طبيعي كامل الحبيبات مع ياقة مبطنة ونعل مخيط يمكن "
                       "استبداله لاحقًا. تتشكل الفرشة المبطنة المصنوعة من مزيج الفلين مع قدمك بمرور الوقت.</p>"
                       "<p>يُنظف بقطعة قماش مبللة ويُعالج بمرطب الجلد كل بضعة أشهر.</p>"),
                "ja": ("コートクラシック レザースニーカー",
                       "<p>フルグレインレザーのアッパーにパッド入りの履き口、ソール交換もできる縫い付けのカップソールを"
                       "備えたシンプルなローカットスニーカー。コルク混のクッションインソールが、履くほどに足の形になじみます。"
                       "</p><p>湿らせた布で汚れを拭き取り、数か月ごとにレザークリームを塗ってください。</p>"),
            },
        },
        {
            "slug": "cloudstep-running-shoe",
            "category": "shoes",
            "brand": "northwind",
            "options": "Colour: Black, Blue\nSize: 8, 9, 10, 11, 12",
            "price": "119.00",
            "compare_at": "140.00",
            "stock": 7,
            "units_sold": 205,
            "colour": (38, 90, 170),
            "images": 3,
            "gtin": "",
            "origin": "VN",
            "weight_grams": 620,
            "hs_code": "640411",
            "collections": ["new-season"],
            "texts": {
                "en": ("Cloudstep Running Shoe",
                       "<p>A neutral daily trainer with a responsive foam midsole, an 8 mm drop and an engineered mesh "
                       "upper that breathes on long runs. Rubber is placed on the outsole exactly where shoes wear "
                       "down fastest.</p><p>After wet runs, remove the insole and let the shoes air-dry; never use a "
                       "dryer.</p>"),
                "zh-hans": ("Cloudstep 跑鞋",
                            "<p>中性日常训练跑鞋，搭载回弹泡棉中底，8毫米落差，工程网布鞋面在长距离跑步时也保持透气。"
                            "橡胶外底专门布置在最易磨损的位置。</p><p>雨天跑步后请取出鞋垫自然风干，切勿烘干。</p>"),
                "ar": ("حذاء الجري كلاود ستيب",
                       "<p>حذاء تدريب يومي محايد بنعل أوسط من فوم سريع الاستجابة وفرق ارتفاع 8 مم، ووجه من شبك هندسي "
                       "يسمح بالتهوية في المسافات الطويلة. وُضع المطاط في النعل الخارجي حيث يتآكل الحذاء أسرع.</p>"
                       "<p>بعد الجري في المطر أخرج الفرشة واترك الحذاء يجف في الهواء، ولا تستخدم المجفف.</p>"),
                "ja": ("クラウドステップ ランニングシューズ",
                       "<p>反発力のあるフォームミッドソールとドロップ8mmを備えたニュートラルタイプのデイリートレーナー。"
                       "エンジニアードメッシュのアッパーは長距離でも蒸れにくく、ラバーアウトソールは摩耗しやすい部分に"
                       "配置しています。</p><p>雨の日のラン後はインソールを外して陰干しし、乾燥機は使わないでください。</p>"),
            },
        },
        {
            "slug": "canvas-slip-on",
            "category": "shoes",
            "brand": "acme-basics",
            "options": "Colour: Natural, Black\nSize: 7, 8, 9, 10, 11, 12",
            "price": "45.00",
            "compare_at": None,
            "stock": 2,
            "units_sold": 159,
            "colour": (222, 210, 184),
            "images": 2,
            "gtin": "",
            "origin": "CN",
            "weight_grams": 560,
            "hs_code": "640419",
            "collections": ["gifts"],
            "texts": {
                "en": ("Canvas Slip-On",
                       "<p>An easy slip-on in heavy cotton canvas with elastic side gores and a vulcanised rubber "
                       "sole. The removable cushioned insole keeps it comfortable from morning errands to evening "
                       "walks.</p><p>Spot clean with mild soap and let it air-dry away from direct heat.</p>"),
                "zh-hans": ("帆布一脚蹬",
                            "<p>厚实棉帆布制成的一脚蹬便鞋，两侧配有松紧带，鞋底为硫化橡胶。可拆卸的缓震鞋垫"
                            "让你从早上出门办事到傍晚散步都舒适自在。</p><p>局部污渍用温和肥皂清洁，远离热源自然晾干。</p>"),
                "ar": ("حذاء كانفاس بدون رباط",
                       "<p>حذاء سهل الارتداء بدون رباط من قماش الكانفاس القطني المتين، بجوانب مطاطية ونعل من المطاط "
                       "المعالج بالحرارة. الفرشة المبطنة القابلة للإزالة تجعله مريحًا من مشاوير الصباح حتى نزهة "
                       "المساء.</p><p>تُنظف البقع بصابون لطيف ويُترك ليجف في الهواء بعيدًا عن الحرارة المباشرة.</p>"),
                "ja": ("キャンバス スリッポン",
                       "<p>厚手のコットンキャンバスにサイドゴアとバルカナイズドラバーソールを組み合わせた、脱ぎ履きしやすい"
                       "スリッポン。取り外せるクッションインソールで、朝の用事から夕方の散歩まで快適です。</p>"
                       "<p>汚れは中性洗剤で部分的に落とし、直射熱を避けて自然乾燥させてください。</p>"),
            },
        },
        {
            "slug": "suede-chukka-boot",
            "category": "shoes",
            "brand": None,
            "options": "Size: 8, 9, 10, 11, 12",
            "price": "135.00",
            "compare_at": None,
            "stock": 0,
            "units_sold": 38,
            "colour": (150, 110, 72),
            "images": 2,
            "gtin": "",
            "origin": "IN",
            "weight_grams": 1100,
            "hs_code": "640391",
            "collections": [],
            "texts": {
                "en": ("Suede Chukka Boot",
                       "<p>A two-eyelet chukka in soft, water-resistant suede, set on a crepe rubber sole that "
                       "cushions every step. A leather lining and stacked heel give it a smart-casual finish.</p>"
                       "<p>Brush regularly with a suede brush and refresh with a protective spray.</p>"),
                "zh-hans": ("麂皮沙漠靴",
                            "<p>两孔系带沙漠靴，采用柔软的防泼水麂皮，搭配缓震绉胶橡胶底，每一步都轻柔舒适。"
                            "真皮内衬与叠层鞋跟，呈现精致休闲风格。</p><p>定期用麂皮刷打理，并喷涂防护喷雾。</p>"),
                "ar": ("بوت تشاكا من الشمواه",
                       "<p>بوت تشاكا بفتحتين للرباط من جلد الشمواه الناعم المقاوم للماء، على نعل من مطاط الكريب يخفف "
                       "وقع كل خطوة. البطانة الجلدية والكعب المتدرج يمنحانه طابعًا أنيقًا غير رسمي.</p>"
                       "<p>نظّفه بانتظام بفرشاة الشمواه وجدّد حمايته ببخاخ واقٍ.</p>"),
                "ja": ("スエード チャッカブーツ",
                       "<p>撥水加工を施した柔らかなスエードを使った2アイレットのチャッカブーツ。クレープラバーソールが"
                       "一歩ごとの衝撃をやわらげます。レザーライニングと積み上げヒールで、きれいめカジュアルに仕上げました。"
                       "</p><p>スエードブラシでこまめにブラッシングし、防水スプレーで保護してください。</p>"),
            },
        },
        {
            "slug": "clear-magnetic-phone-case",
            "category": "phone-accessories",
            "brand": "acme-basics",
            "options": "Model: iPhone 15, iPhone 15 Pro, iPhone 15 Pro Max",
            "price": "24.99",
            "compare_at": None,
            "stock": 55,
            "units_sold": 487,
            "colour": (196, 220, 232),
            "images": 2,
            "gtin": "",
            "origin": "CN",
            "weight_grams": 40,
            "hs_code": "392690",
            "collections": ["gifts", "essentials"],
            "texts": {
                "en": ("Clear Magnetic Phone Case",
                       "<p>A slim, crystal-clear case with a built-in magnet ring that snaps onto magnetic chargers, "
                       "wallets and car mounts. An anti-yellowing polycarbonate back and shock-absorbing TPU edges "
                       "protect against drops of up to 2 m.</p><p>Clean with a soft cloth and a little soapy "
                       "water.</p>"),
                "zh-hans": ("透明磁吸手机壳",
                            "<p>轻薄的全透明手机壳，内置磁吸圈，可直接吸附磁吸充电器、卡包和车载支架。防黄变聚碳酸酯背板"
                            "配合吸震TPU边框，可抵御2米跌落。</p><p>用软布蘸少量肥皂水即可清洁。</p>"),
                "ar": ("جراب هاتف شفاف مغناطيسي",
                       "<p>جراب رفيع وشفاف تمامًا بحلقة مغناطيسية مدمجة تلتصق بالشواحن والمحافظ وحوامل السيارة "
                       "المغناطيسية. ظهره من البولي كربونات المقاوم للاصفرار وحوافه من TPU الماص للصدمات تحمي الهاتف "
                       "من السقوط حتى ارتفاع مترين.</p><p>يُنظف بقطعة قماش ناعمة وقليل من الماء والصابون.</p>"),
                "ja": ("クリア マグネット対応スマホケース",
                       "<p>マグネットリングを内蔵した薄型のクリアケース。マグネット式の充電器やカードケース、車載ホルダーに"
                       "ぴたりと装着できます。黄ばみにくいポリカーボネートの背面と衝撃を吸収するTPUのフチで、高さ2mからの"
                       "落下にも対応します。</p><p>お手入れは柔らかい布と少量の石けん水で。</p>"),
            },
        },
        {
            "slug": "gan-charger-65w",
            "category": "phone-accessories",
            "brand": "northwind",
            "options": "Colour: White, Black",
            "price": "39.99",
            "compare_at": "49.99",
            "stock": 33,
            "units_sold": 356,
            "colour": (238, 238, 238),
            "images": 2,
            "gtin": "0886147004428",
            "origin": "CN",
            "weight_grams": 110,
            "hs_code": "850440",
            "collections": ["gifts", "essentials"],
            "texts": {
                "en": ("65W USB-C GaN Charger",
                       "<p>A compact gallium-nitride charger with two USB-C ports and one USB-A port that can "
                       "fast-charge a laptop and a phone at the same time. Folding prongs make it easy to drop into "
                       "a bag.</p><ul><li>Up to 65 W from a single port</li><li>100–240 V for travel</li>"
                       "<li>Over-heat and over-current protection</li></ul>"),
                "zh-hans": ("65W 氮化镓 USB-C 充电器",
                            "<p>小巧的氮化镓充电器，配备两个USB-C接口和一个USB-A接口，可同时为笔记本电脑和手机快充。"
                            "插脚可折叠，随手放进包里也不占地方。</p><ul><li>单口最高65瓦输出</li>"
                            "<li>支持100–240伏电压，出行通用</li><li>过热与过流保护</li></ul>"),
                "ar": ("شاحن GaN بقدرة 65 واط بمنفذ USB-C",
                       "<p>شاحن صغير بتقنية نيتريد الغاليوم بمنفذين USB-C ومنفذ USB-A، يشحن الحاسوب المحمول والهاتف "
                       "بسرعة في الوقت نفسه. أطرافه قابلة للطي ليسهل وضعه في الحقيبة.</p><ul><li>حتى 65 واط من منفذ "
                       "واحد</li><li>يعمل على جهد 100–240 فولت للسفر</li><li>حماية من ارتفاع الحرارة وزيادة التيار</li>"
                       "</ul>"),
                "ja": ("65W USB-C GaN充電器",
                       "<p>USB-Cポート2つとUSB-Aポート1つを備えた、窒化ガリウム（GaN）採用のコンパクト充電器。ノートPCと"
                       "スマートフォンを同時に急速充電できます。折りたたみ式プラグでバッグにもすっきり収まります。</p>"
                       "<ul><li>単ポート最大65W出力</li><li>100〜240V対応で海外旅行にも</li><li>過熱・過電流保護機能付き</li>"
                       "</ul>"),
            },
        },
        {
            "slug": "braided-usb-c-cable",
            "category": "phone-accessories",
            "brand": "acme-basics",
            "options": "Length: 3 ft, 6 ft",
            "price": "14.99",
            "compare_at": None,
            "stock": 60,
            "units_sold": 298,
            "colour": (60, 60, 66),
            "images": 1,
            "gtin": "",
            "origin": "CN",
            "weight_grams": 45,
            "hs_code": "854442",
            "collections": ["gifts", "essentials"],
            "texts": {
                "en": ("Braided USB-C Cable",
                       "<p>A double-braided nylon cable rated for 60 W charging and USB 2.0 data, tested to survive "
                       "more than 20,000 bends. Aluminium connector housings and a hook-and-loop tie keep it tidy in "
                       "your bag.</p><p>Works with phones, tablets and most laptops that charge over USB-C.</p>"),
                "zh-hans": ("编织 USB-C 数据线",
                            "<p>双层尼龙编织线材，支持60瓦充电与USB 2.0数据传输，经测试可承受2万次以上弯折。"
                            "铝合金接头外壳搭配魔术贴绑带，在包里也整整齐齐。</p><p>兼容手机、平板以及大多数"
                            "通过USB-C充电的笔记本电脑。</p>"),
                "ar": ("كابل USB-C مجدول",
                       "<p>كابل من النايلون المجدول بطبقتين يدعم الشحن بقدرة 60 واط ونقل البيانات بمعيار USB 2.0، وقد "
                       "اختُبر ليتحمل أكثر من 20,000 انثناءة. أغطية الموصلات من الألمنيوم ورباط لاصق يبقيانه مرتبًا في "
                       "الحقيبة.</p><p>متوافق مع الهواتف والأجهزة اللوحية ومعظم الحواسيب المحمولة التي تُشحن عبر "
                       "USB-C.</p>"),
                "ja": ("ナイロン編み USB-Cケーブル",
                       "<p>60W充電とUSB 2.0のデータ転送に対応した、二重ナイロン編みのケーブル。20,000回以上の折り曲げ試験を"
                       "クリアしています。アルミ製コネクタと面ファスナーのケーブルタイで、バッグの中でもすっきり。</p>"
                       "<p>USB-Cで充電するスマートフォン、タブレット、ほとんどのノートPCに対応します。</p>"),
            },
        },
        {
            "slug": "leather-card-wallet",
            "category": "phone-accessories",
            "brand": None,
            "options": "Colour: Tan, Black",
            "price": "29.00",
            "compare_at": None,
            "stock": 5,
            "units_sold": 64,
            "colour": (176, 118, 70),
            "images": 1,
            "gtin": "",
            "origin": "US",
            "weight_grams": 30,
            "hs_code": "420231",
            "collections": ["gifts"],
            "texts": {
                "en": ("Leather Stick-On Card Wallet",
                       "<p>A slim vegetable-tanned leather sleeve that sticks to the back of your phone or case and "
                       "holds up to three cards. A thumb cut-out lets you slide cards out with one hand.</p>"
                       "<p>Treat it with leather balm now and then; the colour deepens with use.</p>"),
                "zh-hans": ("真皮背贴卡包",
                            "<p>轻薄的植鞣真皮卡套，可粘贴在手机或手机壳背面，最多容纳三张卡片。拇指推卡口设计，"
                            "单手即可取卡。</p><p>偶尔涂抹皮革护理膏，颜色会随使用愈发温润。</p>"),
                "ar": ("محفظة بطاقات جلدية لاصقة للهاتف",
                       "<p>محفظة رفيعة من الجلد المدبوغ نباتيًا تلتصق بظهر الهاتف أو الجراب وتتسع لثلاث بطاقات. فتحة "
                       "الإبهام تتيح إخراج البطاقات بيد واحدة.</p><p>اعتنِ بها من حين لآخر ببلسم الجلد، وسيزداد لونها "
                       "عمقًا مع الاستعمال.</p>"),
                "ja": ("レザー 貼り付けカードケース",
                       "<p>スマートフォンやケースの背面に貼り付けて使う、ヌメ革の薄型カードケース。カードを最大3枚収納でき、"
                       "親指用の切り欠きから片手でさっと取り出せます。</p><p>ときどきレザーバームでお手入れを。使うほどに"
                       "色が深まります。</p>"),
            },
        },
        {
            "slug": "pulse-wireless-earbuds",
            "category": "audio",
            "brand": "northwind",
            "options": "Colour: Black, White",
            "price": "59.99",
            "compare_at": "79.99",
            "stock": 30,
            "units_sold": 441,
            "colour": (28, 28, 32),
            "images": 3,
            "gtin": "0693415278081",
            "origin": "CN",
            "weight_grams": 60,
            "hs_code": "851830",
            "collections": ["new-season"],
            "texts": {
                "en": ("Pulse Wireless Earbuds",
                       "<p>True wireless earbuds with 10 mm drivers, active noise cancellation and up to 30 hours of "
                       "playback with the pocket-size case. IPX4 sweat resistance and three sizes of silicone tips "
                       "make them ready for the gym.</p><ul><li>Bluetooth 5.3 with multipoint</li><li>USB-C and "
                       "wireless charging</li><li>10 minutes of charging gives 2 hours of music</li></ul>"),
                "zh-hans": ("Pulse 真无线耳机",
                            "<p>真无线耳机，搭载10毫米动圈单元与主动降噪，配合小巧的充电盒续航可达30小时。IPX4防汗，"
                            "附赠三种尺寸的硅胶耳塞，健身时也能放心使用。</p><ul><li>蓝牙5.3，支持多设备连接</li>"
                            "<li>支持USB-C与无线充电</li><li>充电10分钟可听歌2小时</li></ul>"),
                "ar": ("سماعات بَلس اللاسلكية",
                       "<p>سماعات أذن لاسلكية بالكامل بمشغلات 10 مم وخاصية إلغاء الضوضاء النشط، وتشغيل يصل إلى 30 ساعة "
                       "مع علبة الشحن الصغيرة. مقاومة للعرق بمعيار IPX4 ومعها أطراف سيليكون بثلاثة مقاسات، فهي جاهزة "
                       "للنادي الرياضي.</p><ul><li>بلوتوث 5.3 مع الاتصال بعدة أجهزة</li><li>شحن عبر USB-C وشحن "
                       "لاسلكي</li><li>10 دقائق من الشحن تكفي لساعتين من الموسيقى</li></ul>"),
                "ja": ("パルス ワイヤレスイヤホン",
                       "<p>10mmドライバーとアクティブノイズキャンセリングを搭載した完全ワイヤレスイヤホン。ポケットサイズの"
                       "充電ケースと合わせて最大30時間再生できます。IPX4の防汗仕様で、3サイズのシリコンイヤーピース付き"
                       "なのでジムでも活躍します。</p><ul><li>Bluetooth 5.3、マルチポイント対応</li><li>USB-C充電・"
                       "ワイヤレス充電対応</li><li>10分の充電で約2時間再生</li></ul>"),
            },
        },
        {
            "slug": "horizon-anc-headphones",
            "category": "audio",
            "brand": "northwind",
            "options": "Colour: Graphite, Sand",
            "price": "179.00",
            "compare_at": None,
            "stock": 8,
            "units_sold": 176,
            "colour": (74, 76, 82),
            "images": 3,
            "gtin": "",
            "origin": "CN",
            "weight_grams": 280,
            "hs_code": "851830",
            "collections": ["new-season"],
            "texts": {
                "en": ("Horizon Noise-Cancelling Headphones",
                       "<p>Over-ear headphones with adaptive noise cancellation, 40 mm drivers and memory-foam ear "
                       "cushions for all-day comfort. The battery lasts up to 40 hours, and the ear cups fold flat "
                       "into the hard travel case.</p><p>A 3.5 mm cable is included for in-flight "
                       "entertainment.</p>"),
                "zh-hans": ("Horizon 头戴式降噪耳机",
                            "<p>头戴式耳机，具备自适应降噪功能、40毫米单元和记忆海绵耳罩，全天佩戴依然舒适。"
                            "续航长达40小时，耳罩可折叠平放进硬壳收纳盒。</p><p>附赠3.5毫米音频线，可连接机上娱乐系统。</p>"),
                "ar": ("سماعات هورايزن العازلة للضوضاء",
                       "<p>سماعات رأس تغطي الأذن بخاصية إلغاء الضوضاء التكيفي ومشغلات 40 مم ووسائد أذن من الإسفنج "
                       "الذكي لراحة طوال اليوم. تدوم البطارية حتى 40 ساعة، وتنطوي الأكواب لتستقر في علبة السفر الصلبة."
                       "</p><p>يأتي معها كابل 3.5 مم للاستماع إلى نظام الترفيه على متن الطائرة.</p>"),
                "ja": ("ホライズン ノイズキャンセリングヘッドホン",
                       "<p>アダプティブノイズキャンセリング、40mmドライバー、低反発イヤークッションを備えたオーバーイヤー"
                       "ヘッドホン。一日中つけていても快適です。バッテリーは最大40時間持続し、イヤーカップをフラットに畳んで"
                       "ハードケースに収納できます。</p><p>機内エンターテインメント用の3.5mmケーブルが付属します。</p>"),
            },
        },
        {
            "slug": "trailside-bluetooth-speaker",
            "category": "audio",
            "brand": "northwind",
            "options": "Colour: Orange, Slate, Teal",
            "price": "49.00",
            "compare_at": None,
            "stock": 25,
            "units_sold": 230,
            "colour": (232, 110, 40),
            "images": 2,
            "gtin": "",
            "origin": "CN",
            "weight_grams": 540,
            "hs_code": "851822",
            "collections": ["gifts", "new-season"],
            "texts": {
                "en": ("Trailside Bluetooth Speaker",
                       "<p>A rugged, palm-sized speaker with a passive radiator for surprisingly full bass and 16 "
                       "hours of battery life. It is IP67 waterproof and dustproof, and it floats, so it is happy by "
                       "the pool or on a kayak.</p><p>Pair two speakers for stereo sound; charges over USB-C.</p>"),
                "zh-hans": ("Trailside 蓝牙音箱",
                            "<p>坚固的掌上蓝牙音箱，配备被动辐射器，低音饱满得出人意料，续航16小时。IP67级防水防尘，"
                            "还能漂浮在水面，泳池边或皮划艇上都能用。</p><p>两台配对即可组成立体声，使用USB-C充电。</p>"),
                "ar": ("سماعة تريلسايد بلوتوث",
                       "<p>سماعة متينة بحجم راحة اليد مع مشع سلبي يمنح صوتًا جهيرًا غنيًا على نحو مفاجئ، وبطارية تدوم "
                       "16 ساعة. مقاومة للماء والغبار بمعيار IP67 وتطفو على الماء، فهي مناسبة بجانب المسبح أو على متن "
                       "قارب الكاياك.</p><p>يمكن إقران سماعتين لصوت ستيريو، وتُشحن عبر USB-C.</p>"),
                "ja": ("トレイルサイド Bluetoothスピーカー",
                       "<p>パッシブラジエーター搭載で驚くほど豊かな低音を鳴らす、手のひらサイズのタフなスピーカー。"
                       "バッテリーは16時間持続します。IP67の防水・防塵性能に加えて水に浮くので、プールサイドやカヤックの上"
                       "でも使えます。</p><p>2台をペアリングすればステレオ再生が可能。充電はUSB-Cです。</p>"),
            },
        },
    ],
    # ------------------------------------------------------------------ sakura (Japan, Japanese, JPY)
    "sakura": [
        {
            "slug": "mino-ware-tea-cup",
            "category": "kitchen",
            "brand": "sakura-craft",
            "options": "釉薬: 青磁, 灰釉",
            "price": "2400",
            "compare_at": None,
            "stock": 20,
            "units_sold": 188,
            "colour": (140, 172, 152),
            "images": 3,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 220,
            "hs_code": "691200",
            "collections": ["tea-time", "gift-ideas"],
            "texts": {
                "en": ("Mino-ware Tea Cup",
                       "<p>Each cup is thrown on the wheel in Mino, Gifu Prefecture. A slightly thick wall sits "
                       "comfortably in the hand and keeps hot tea easy to hold.</p><ul><li>Capacity: about "
                       "200 ml</li><li>Microwave and dishwasher safe</li><li>Every glaze turns out a little "
                       "different</li></ul>"),
                "zh-hans": ("美浓烧茶杯",
                            "<p>在岐阜县美浓地区逐一拉坯成型的茶杯。杯壁略厚，握感温润，盛装热茶也不烫手。</p>"
                            "<ul><li>容量：约200毫升</li><li>可用于微波炉和洗碗机</li><li>每只釉色纹理各不相同</li></ul>"),
                "ar": ("كوب شاي من خزف مينو",
                       "<p>يُشكَّل كل كوب يدويًا على عجلة الفخار في منطقة مينو بمحافظة غيفو اليابانية. جداره السميك "
                       "قليلًا يستقر براحة في اليد ويجعل حمل الشاي الساخن سهلًا.</p><ul><li>السعة: نحو 200 مل</li>"
                       "<li>آمن للاستخدام في الميكروويف وغسالة الصحون</li><li>يختلف لون الطلاء قليلًا من كوب لآخر</li>"
                       "</ul>"),
                "ja": ("美濃焼 湯呑み",
                       "<p>岐阜県の美濃で、ひとつずつろくろで挽いた湯呑みです。手になじむ少し厚めの形で、熱いお茶も"
                       "持ちやすく仕上げました。</p><ul><li>容量：約200ml</li><li>電子レンジ・食洗機対応</li>"
                       "<li>釉薬の表情は一点ごとに異なります</li></ul>"),
            },
        },
        {
            "slug": "wakasa-lacquered-chopsticks",
            "category": "kitchen",
            "brand": "sakura-craft",
            "options": "長さ: 21cm, 23cm",
            "price": "3300",
            "compare_at": None,
            "stock": 15,
            "units_sold": 142,
            "colour": (120, 30, 36),
            "images": 2,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 30,
            "hs_code": "441990",
            "collections": ["gift-ideas"],
            "texts": {
                "en": ("Wakasa Lacquered Chopsticks",
                       "<p>Made in Obama, Fukui Prefecture, with the Wakasa lacquer technique: flakes of shell and "
                       "eggshell are set into layers of lacquer and then polished back to reveal the pattern. The "
                       "fine, tapered tips pick up even a single bean.</p><p>Wash by hand with a soft sponge; not "
                       "dishwasher safe.</p>"),
                "zh-hans": ("若狭涂漆筷",
                            "<p>产自福井县小浜市的若狭涂漆筷。漆层中嵌入贝壳与蛋壳后再研磨出纹样，光泽典雅；"
                            "筷尖削得纤细，连一粒豆子也能轻松夹起。</p><p>请用软海绵手洗，不可放入洗碗机。</p>"),
                "ar": ("عيدان أكل مطلية بورنيش واكاسا",
                       "<p>تُصنع في مدينة أوباما بمحافظة فوكوي بتقنية ورنيش واكاسا، حيث تُدمج قطع الصدف وقشر البيض في "
                       "طبقات الورنيش ثم تُصقل لتظهر النقوش. أطرافها الرفيعة المستدقة تلتقط حتى حبة فول واحدة.</p>"
                       "<p>تُغسل باليد بإسفنجة ناعمة، ولا تصلح لغسالة الصحون.</p>"),
                "ja": ("若狭塗 箸",
                       "<p>福井県小浜市で作られる若狭塗の箸です。貝殻や卵殻を塗り込めて研ぎ出した模様が美しく、先端は細く"
                       "削ってあるので豆粒もつまみやすい形です。</p><p>食洗機は使わず、柔らかいスポンジで手洗いしてください。"
                       "</p>"),
            },
        },
        {
            "slug": "hinoki-cutting-board",
            "category": "kitchen",
            "brand": "sakura-craft",
            "options": "サイズ: 小, 中, 大",
            "price": "4800",
            "compare_at": "5800",
            "stock": 12,
            "units_sold": 97,
            "colour": (226, 196, 150),
            "images": 2,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 1000,
            "hs_code": "441990",
            "collections": [],
            "texts": {
                "en": ("Hinoki Cutting Board",
                       "<p>Cut from a single piece of Japanese hinoki cypress, this board has just enough give to "
                       "protect your knife edge, and it fills the kitchen with a faint, clean scent.</p><p>Wet it "
                       "before use, then wash it and stand it on its edge to dry.</p>"),
                "zh-hans": ("日本扁柏砧板",
                            "<p>以日本国产扁柏整块木板制成的砧板。木质弹性适中，不易伤刀刃，还会散发淡淡的桧木清香。</p>"
                            "<p>使用前先用水打湿，用后洗净并竖起晾干。</p>"),
                "ar": ("لوح تقطيع من خشب الهينوكي",
                       "<p>لوح مصنوع من قطعة واحدة من خشب السرو الياباني (هينوكي)، فيه مرونة كافية تحمي حافة السكين، "
                       "ويملأ المطبخ برائحة خفيفة منعشة.</p><p>بلّله بالماء قبل الاستخدام، ثم اغسله واتركه واقفًا على "
                       "حافته ليجف.</p>"),
                "ja": ("ヒノキのまな板",
                       "<p>国産ヒノキの一枚板から作ったまな板です。適度な弾力があって包丁の刃を傷めにくく、ほのかなヒノキの"
                       "香りが台所に広がります。</p><p>使う前に水で濡らし、使用後はよく洗って立てかけて乾かしてください。"
                       "</p>"),
            },
        },
        {
            "slug": "seki-santoku-knife",
            "category": "kitchen",
            "brand": "sakura-craft",
            "options": "刃渡り: 165mm, 180mm",
            "price": "12800",
            "compare_at": None,
            "stock": 6,
            "units_sold": 121,
            "colour": (170, 176, 184),
            "images": 3,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 180,
            "hs_code": "821192",
            "collections": ["gift-ideas"],
            "texts": {
                "en": ("Seki Santoku Knife",
                       "<p>Finished in Seki, Gifu Prefecture, Japan's historic blade-making town. A VG10 steel core "
                       "clad in 33 layers of Damascus-pattern stainless steel handles meat, fish and vegetables with "
                       "a single knife.</p><p>Wash by hand and dry straight away after use; not dishwasher "
                       "safe.</p>"),
                "zh-hans": ("关市三德刀",
                            "<p>在日本刀具名城岐阜县关市精制的三德刀。以VG10钢为芯，外覆33层大马士革纹不锈钢，"
                            "肉、鱼、蔬菜一把就能搞定。</p><p>使用后请手洗并立即擦干，不可放入洗碗机。</p>"),
                "ar": ("سكين سانتوكو من سيكي",
                       "<p>سكين تُشطَّب في مدينة سيكي بمحافظة غيفو، موطن صناعة الشفرات العريق في اليابان. قلبها من "
                       "فولاذ VG10 مغلف بـ33 طبقة من الفولاذ المقاوم للصدأ بنقش دمشقي، وتكفي وحدها لتقطيع اللحوم "
                       "والأسماك والخضروات.</p><p>تُغسل باليد وتُجفف فورًا بعد الاستخدام، ولا تصلح لغسالة الصحون.</p>"),
                "ja": ("関の三徳包丁",
                       "<p>刃物の町・岐阜県関市で仕上げた三徳包丁。VG10鋼を芯にダマスカス模様のステンレスを重ねた33層鋼で、"
                       "肉・魚・野菜をこれ一本でこなせます。</p><p>使用後は手洗いし、すぐに水気を拭き取ってください。"
                       "食洗機は使用できません。</p>"),
            },
        },
        {
            "slug": "nakiri-vegetable-knife",
            "category": "kitchen",
            "brand": "sakura-craft",
            "options": "",
            "price": "9800",
            "compare_at": None,
            "stock": 0,
            "units_sold": 66,
            "colour": (92, 96, 104),
            "images": 2,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 160,
            "hs_code": "821192",
            "collections": [],
            "texts": {
                "en": ("Nakiri Vegetable Knife",
                       "<p>The straight edge meets the board along its whole length, so vegetables are cut cleanly "
                       "through in one push. Hand-forged from Aogami (blue paper) steel, it can be resharpened for "
                       "decades.</p><p>Carbon steel can rust: wash and dry it right after use and wipe on a thin "
                       "film of oil now and then.</p>"),
                "zh-hans": ("菜切刀",
                            "<p>刀刃平直，落刀时整条刃线贴合砧板，切蔬菜一刀到底、干净利落。采用青纸钢手工锻造，"
                            "可反复研磨，长久使用。</p><p>碳钢易生锈，使用后请立即洗净擦干，并不时薄涂一层油。</p>"),
                "ar": ("سكين ناكيري للخضروات",
                       "<p>حافتها المستقيمة تلامس لوح التقطيع بطولها كله، فتقطع الخضروات بضغطة واحدة نظيفة. مطروقة "
                       "يدويًا من فولاذ أوغامي (الورق الأزرق)، ويمكن إعادة سنّها لعقود.</p><p>الفولاذ الكربوني قد يصدأ، "
                       "لذا اغسلها وجففها مباشرة بعد الاستخدام وامسحها بطبقة رقيقة من الزيت من حين لآخر.</p>"),
                "ja": ("菜切り包丁",
                       "<p>刃がまっすぐで、まな板に刃全体が当たるため、野菜を気持ちよく切り落とせる菜切り包丁です。青紙鋼を"
                       "使った手打ちの打刃物で、研ぎ直しながら長く使えます。</p><p>炭素鋼のため錆びやすいので、使ったらすぐ"
                       "洗って乾かし、ときどき薄く油を塗ってください。</p>"),
            },
        },
        {
            "slug": "nambu-iron-kettle",
            "category": "kitchen",
            "brand": "sakura-craft",
            "options": "容量: 0.8L, 1.2L",
            "price": "16500",
            "compare_at": "19800",
            "stock": 4,
            "units_sold": 58,
            "colour": (48, 44, 42),
            "images": 3,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 1500,
            "hs_code": "732391",
            "collections": ["tea-time", "new-arrivals"],
            "texts": {
                "en": ("Nambu Cast-Iron Kettle",
                       "<p>Sand-cast by a workshop in Morioka, Iwate Prefecture, this traditional Nambu tetsubin "
                       "gives boiled water a noticeably softer taste. It works on gas and induction hobs.</p>"
                       "<p>Empty it after each use and let the leftover heat dry the inside.</p>"),
                "zh-hans": ("南部铁器铁壶",
                            "<p>由岩手县盛冈的工坊以砂模铸造的传统南部铁壶。用它烧出的水口感更加圆润，适用于燃气灶和"
                            "电磁炉。</p><p>每次用完请倒净余水，利用余温将壶内烘干。</p>"),
                "ar": ("إبريق نامبو من الحديد الزهر",
                       "<p>إبريق تيتسوبين تقليدي من حديد نامبو، يُصب في قوالب رملية بورشة في موريوكا بمحافظة إيواته، "
                       "ويمنح الماء المغلي مذاقًا أنعم بشكل ملحوظ. يصلح للاستخدام على مواقد الغاز والحث الكهربائي.</p>"
                       "<p>أفرغه بعد كل استخدام واترك الحرارة المتبقية تجفف داخله.</p>"),
                "ja": ("南部鉄器 鉄瓶",
                       "<p>岩手県盛岡の工房で砂型から鋳造した南部鉄器の鉄瓶です。沸かした湯は角が取れ、まろやかな口当たりに"
                       "なります。ガス火・IHに対応しています。</p><p>使用後は湯を捨て、余熱で内側を乾かしてください。</p>"),
            },
        },
        {
            "slug": "shizuoka-fukamushi-sencha",
            "category": "kitchen",
            "brand": None,
            "options": "内容量: 100g, 200g",
            "price": "1620",
            "compare_at": None,
            "stock": 45,
            "units_sold": 476,
            "colour": (86, 130, 58),
            "images": 1,
            "gtin": "4581234000159",
            "origin": "JP",
            "weight_grams": 120,
            "hs_code": "090210",
            "collections": ["tea-time"],
            "texts": {
                "en": ("Shizuoka Fukamushi Sencha",
                       "<p>First-flush leaves from the Makinohara plateau in Shizuoka, steamed two to three times "
                       "longer than usual. The result is a deep green cup with a mellow, rounded body and very "
                       "little bitterness.</p><p>Steep in water at 70–80 °C for about 30 seconds. Once opened, "
                       "reseal the pouch and keep it somewhere cool and dark.</p>"),
                "zh-hans": ("静冈深蒸煎茶",
                            "<p>选用静冈县牧之原台地的头茶，蒸青时间为普通煎茶的两到三倍。茶汤呈浓绿色，口感醇厚圆润，"
                            "几乎没有涩味。</p><p>用70–80°C热水冲泡约30秒。开封后请封紧自封袋，置于阴凉避光处保存。</p>"),
                "ar": ("شاي سينتشا مطهو بالبخار من شيزوكا",
                       "<p>أوراق القطفة الأولى من هضبة ماكينوهارا في شيزوكا، تُطهى بالبخار مدة أطول من المعتاد بمرتين "
                       "إلى ثلاث مرات. والنتيجة شاي أخضر داكن بقوام ناعم مستدير ومرارة قليلة جدًا.</p><p>يُنقع في ماء "
                       "بحرارة 70–80 درجة مئوية نحو 30 ثانية. بعد الفتح أغلق الكيس جيدًا واحفظه في مكان بارد "
                       "ومظلم.</p>"),
                "ja": ("静岡 深蒸し煎茶",
                       "<p>静岡県牧之原台地の一番茶を、通常の2〜3倍の時間をかけて蒸した深蒸し煎茶です。濃い緑色の水色と、"
                       "渋みの少ないまろやかなコクが特長です。</p><p>70〜80℃のお湯で約30秒。開封後はチャック袋をしっかり"
                       "閉じ、冷暗所で保存してください。</p>"),
            },
        },
        {
            "slug": "uji-matcha",
            "category": "kitchen",
            "brand": None,
            "options": "",
            "price": "2980",
            "compare_at": None,
            "stock": 22,
            "units_sold": 301,
            "colour": (104, 150, 60),
            "images": 2,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 90,
            "hs_code": "090210",
            "collections": ["tea-time", "gift-ideas"],
            "texts": {
                "en": ("Uji Matcha, 30 g Tin",
                       "<p>Shade-grown tencha from tea gardens in Uji, Kyoto, slowly ground on granite stone mills. "
                       "It has a vivid green colour and a sweet, savoury depth that suits both traditional usucha "
                       "and lattes.</p><p>After opening, keep it in the fridge and enjoy it within about a "
                       "month.</p>"),
                "zh-hans": ("宇治抹茶 30克罐装",
                            "<p>选用京都宇治茶园遮阴栽培的碾茶，以石磨慢慢研磨而成。色泽鲜绿，甘甜鲜醇，既适合点传统"
                            "薄茶，也适合做抹茶拿铁。</p><p>开封后请冷藏保存，建议一个月内饮用完毕。</p>"),
                "ar": ("ماتشا أوجي – علبة 30 غ",
                       "<p>أوراق تينتشا نمت في الظل في مزارع الشاي بمنطقة أوجي في كيوتو، ثم طُحنت ببطء على رحى حجرية. "
                       "لونها أخضر زاهٍ وطعمها حلو غني بالأومامي، فتناسب تحضير الماتشا التقليدي واللاتيه على حد سواء."
                       "</p><p>بعد الفتح احفظها في الثلاجة واستهلكها خلال شهر تقريبًا.</p>"),
                "ja": ("宇治抹茶 30g缶",
                       "<p>京都・宇治の茶園で覆いをかけて育てた碾茶を、石臼で丁寧に挽いた抹茶です。鮮やかな緑色と甘みのある"
                       "旨みで、お薄にもラテにも向いています。</p><p>開封後は冷蔵庫で保存し、1か月を目安にお使いください。"
                       "</p>"),
            },
        },
        {
            "slug": "tokoname-kyusu-teapot",
            "category": "kitchen",
            "brand": "sakura-craft",
            "options": "土: 朱泥, 黒泥",
            "price": "6600",
            "compare_at": None,
            "stock": 0,
            "units_sold": 89,
            "colour": (170, 84, 52),
            "images": 3,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 350,
            "hs_code": "691200",
            "collections": ["tea-time"],
            "texts": {
                "en": ("Tokoname Side-Handle Teapot",
                       "<p>A side-handled kyusu made by a potter in Tokoname, Aichi Prefecture. The fine ceramic "
                       "strainer built in behind the spout holds back even small sencha leaves, and the unglazed "
                       "clay gains a soft sheen with use.</p><ul><li>Capacity: about 300 ml (2–3 cups)</li>"
                       "<li>Rinse with hot water only, no detergent</li></ul>"),
                "zh-hans": ("常滑烧侧把茶壶",
                            "<p>由爱知县常滑的陶艺师制作的侧把急须。壶嘴内侧一体成型的细密陶瓷滤网，连煎茶的碎叶"
                            "也能挡住；无釉烧结的陶土越用越有光泽。</p><ul><li>容量：约300毫升（2–3杯）</li>"
                            "<li>仅用热水冲洗，请勿使用洗涤剂</li></ul>"),
                "ar": ("إبريق شاي توكوناميه بمقبض جانبي",
                       "<p>إبريق كيوسو بمقبض جانبي من صنع خزّاف في توكوناميه بمحافظة آيتشي. المصفاة الخزفية الدقيقة "
                       "المدمجة خلف الصنبور تحجز حتى أوراق السينتشا الصغيرة، والطين غير المطلي يكتسب لمعانًا ناعمًا مع "
                       "الاستعمال.</p><ul><li>السعة: نحو 300 مل (2–3 أكواب)</li><li>يُشطف بالماء الساخن فقط دون "
                       "منظفات</li></ul>"),
                "ja": ("常滑焼 急須",
                       "<p>愛知県常滑の陶工が手がけた横手急須です。注ぎ口の内側に作り込んだ細かな陶製の茶こしが煎茶の細かい"
                       "葉もしっかり受け止め、釉薬をかけない焼き締めの土は使うほどに艶を増します。</p><ul><li>容量：約300ml"
                       "（2〜3杯分）</li><li>洗剤は使わず、お湯ですすいでください</li></ul>"),
            },
        },
        {
            "slug": "iga-donabe-pot",
            "category": "kitchen",
            "brand": "sakura-craft",
            "options": "サイズ: 2〜3人用, 4〜5人用",
            "price": "8800",
            "compare_at": None,
            "stock": 7,
            "units_sold": 74,
            "colour": (78, 66, 58),
            "images": 2,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 2800,
            "hs_code": "691200",
            "collections": ["new-arrivals"],
            "texts": {
                "en": ("Iga-ware Donabe Pot",
                       "<p>Made from the coarse, porous clay of Iga in Mie Prefecture, this clay pot holds heat "
                       "beautifully. Use it to simmer hot pots at the table or to cook fluffy rice.</p><p>Before "
                       "first use, cook a thin rice porridge in it to seal the clay. Never heat it empty, and dry it "
                       "thoroughly before storing.</p>"),
                "zh-hans": ("伊贺烧砂锅",
                            "<p>以三重县伊贺地区粗粝多孔的陶土烧制而成，蓄热性极佳。既能在餐桌上慢炖火锅，也能煮出"
                            "粒粒饱满的砂锅饭。</p><p>首次使用前请先煮一锅稀粥进行封孔。切勿空烧，洗净后请充分晾干再收纳。</p>"),
                "ar": ("قدر دونابيه من خزف إيغا",
                       "<p>قدر فخاري مصنوع من طين إيغا الخشن المسامي في محافظة مييه، يحتفظ بالحرارة بشكل رائع. استخدمه "
                       "لطهي أطباق القدر الساخن على المائدة أو لطهي أرز هش.</p><p>قبل أول استخدام اطهُ فيه عصيدة أرز "
                       "خفيفة لسد مسام الطين. لا تسخّنه فارغًا أبدًا، وجففه جيدًا قبل تخزينه.</p>"),
                "ja": ("伊賀焼 土鍋",
                       "<p>三重県伊賀の粗い土で焼いた、蓄熱性に優れた土鍋です。じっくり火が通るので、鍋料理はもちろん、"
                       "ふっくらとした土鍋ご飯も炊けます。</p><p>初めて使う前に、おかゆを炊いて目止めをしてください。"
                       "空焚きは避け、洗った後はよく乾かしてから収納しましょう。</p>"),
            },
        },
        {
            "slug": "magewappa-bento-box",
            "category": "kitchen",
            "brand": "sakura-craft",
            "options": "段数: 一段, 二段",
            "price": "7480",
            "compare_at": "8800",
            "stock": 10,
            "units_sold": 163,
            "colour": (214, 172, 120),
            "images": 2,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 200,
            "hs_code": "441990",
            "collections": ["gift-ideas"],
            "texts": {
                "en": ("Magewappa Bento Box",
                       "<p>Thin strips of Akita cedar from Odate are steamed and bent by hand to form this lunch box. "
                       "The wood absorbs excess moisture, so rice stays pleasantly fluffy until lunchtime.</p>"
                       "<p>Wash in lukewarm water and dry well in an airy spot. Not for the microwave or "
                       "dishwasher.</p>"),
                "zh-hans": ("曲木便当盒",
                            "<p>选用秋田县大馆的天然杉木，削成薄片后手工弯曲制成。杉木能吸收多余水分，即使放到中午，"
                            "米饭依然松软可口。</p><p>用后以温水清洗，放在通风处彻底晾干。不可用于微波炉或洗碗机。</p>"),
                "ar": ("علبة غداء ماغيوابا الخشبية",
                       "<p>تُصنع هذه العلبة من شرائح رقيقة من خشب أرز أكيتا في مدينة أوداته، تُطرّى بالبخار وتُثنى "
                       "يدويًا. يمتص الخشب الرطوبة الزائدة، فيبقى الأرز هشًا ولذيذًا حتى موعد الغداء.</p><p>تُغسل بماء "
                       "فاتر وتُجفف جيدًا في مكان جيد التهوية. لا تصلح للميكروويف أو غسالة الصحون.</p>"),
                "ja": ("曲げわっぱ 弁当箱",
                       "<p>秋田県大館の天然杉を薄く削り、曲げて仕立てた弁当箱です。杉が余分な水分を吸うので、時間がたっても"
                       "ご飯がべたつかず、おいしく食べられます。</p><p>使用後はぬるま湯で洗い、風通しのよい場所でしっかり"
                       "乾かしてください。電子レンジ・食洗機は使用できません。</p>"),
            },
        },
        {
            "slug": "edo-kiriko-sake-glass",
            "category": "kitchen",
            "brand": "sakura-craft",
            "options": "色: 瑠璃, 紅",
            "price": "9900",
            "compare_at": None,
            "stock": 3,
            "units_sold": 47,
            "colour": (30, 64, 160),
            "images": 3,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 260,
            "hs_code": "701337",
            "collections": ["gift-ideas"],
            "texts": {
                "en": ("Edo Kiriko Sake Glass",
                       "<p>A Tokyo artisan cuts each glass by hand through a thin layer of coloured glass, revealing "
                       "a traditional chrysanthemum pattern that sparkles in the light. Perfect for chilled sake or "
                       "a small measure of whisky.</p><p>Comes in a paulownia wood box, ready to give. Hand wash "
                       "gently.</p>"),
                "zh-hans": ("江户切子清酒杯",
                            "<p>东京匠人在套色玻璃上逐一手工雕刻，刻出传统的菊花纹样，在光线下闪闪发亮。适合品饮冷酒"
                            "或少量威士忌。</p><p>附桐木礼盒，送礼体面。请轻柔手洗。</p>"),
                "ar": ("كأس إيدو كيريكو",
                       "<p>يقطع حرفي في طوكيو كل كأس يدويًا عبر طبقة رقيقة من الزجاج الملون، فيظهر نقش الأقحوان "
                       "التقليدي الذي يتلألأ تحت الضوء. كأس صغيرة مثالية لتقديم المشروبات الباردة.</p><p>تأتي في علبة "
                       "من خشب البولونيا جاهزة للإهداء. تُغسل باليد برفق.</p>"),
                "ja": ("江戸切子 ぐい呑み",
                       "<p>東京の職人が色被せガラスに一つずつ手作業でカットを施した、江戸切子のぐい呑みです。伝統の菊つなぎ"
                       "文様が光を受けてきらめき、冷酒の時間を華やかに演出します。</p><p>桐箱入りで贈り物にも最適です。"
                       "やさしく手洗いしてください。</p>"),
            },
        },
        {
            "slug": "linen-noren-curtain",
            "category": "home-living",
            "brand": "sakura-craft",
            "options": "柄: 麻の葉, 青海波",
            "price": "5500",
            "compare_at": None,
            "stock": 14,
            "units_sold": 52,
            "colour": (52, 80, 120),
            "images": 2,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 300,
            "hs_code": "630399",
            "collections": ["new-arrivals"],
            "texts": {
                "en": ("Linen Noren Curtain",
                       "<p>A doorway curtain in 100% linen, stencil-dyed with a traditional Japanese pattern. It lets "
                       "soft light through while screening a hallway or kitchen from view.</p><ul><li>Size: 85 cm "
                       "wide × 150 cm long</li><li>Hangs from a tension rod (sold separately)</li><li>Hand wash and "
                       "dry in the shade</li></ul>"),
                "zh-hans": ("亚麻门帘",
                            "<p>在100%亚麻布上以型染工艺印制传统纹样的日式门帘。光线柔和透入，同时为玄关或厨房遮挡视线。"
                            "</p><ul><li>尺寸：宽85厘米 × 长150厘米</li><li>穿入伸缩杆（另售）即可悬挂</li>"
                            "<li>手洗后阴干</li></ul>"),
                "ar": ("ستارة نورين من الكتان",
                       "<p>ستارة مداخل من الكتان الخالص، مصبوغة بالاستنسل بنقش ياباني تقليدي. تسمح بمرور ضوء ناعم بينما "
                       "تحجب المدخل أو المطبخ عن الأنظار.</p><ul><li>المقاس: عرض 85 سم × طول 150 سم</li><li>تُعلّق على "
                       "عمود زنبركي (يُباع منفصلًا)</li><li>تُغسل باليد وتُجفف في الظل</li></ul>"),
                "ja": ("麻の暖簾",
                       "<p>麻100％の生地に、伝統文様を型染めした暖簾です。光をやわらかく通しながら、玄関や台所の目隠しに"
                       "なります。</p><ul><li>サイズ：幅85cm × 丈150cm</li><li>突っ張り棒（別売）に通すだけで掛けられます"
                       "</li><li>手洗い後、陰干ししてください</li></ul>"),
            },
        },
        {
            "slug": "chusen-tenugui",
            "category": "home-living",
            "brand": None,
            "options": "柄: 桜, 波, 富士山",
            "price": "1100",
            "compare_at": None,
            "stock": 60,
            "units_sold": 389,
            "colour": (232, 160, 178),
            "images": 3,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 40,
            "hs_code": "630291",
            "collections": ["gift-ideas"],
            "texts": {
                "en": ("Chusen-Dyed Tenugui Towel",
                       "<p>Dyed with the chusen method, in which artisans pour dye by hand through stacked layers of "
                       "cloth, so the colour goes right through to the back. It grows softer and the colours mellow "
                       "with every wash.</p><p>100% cotton, about 33 × 90 cm. Use it as a hand towel, a dish cloth "
                       "or gift wrap; the cut edges settle down after a few washes.</p>"),
                "zh-hans": ("注染手巾",
                            "<p>采用“注染”工艺，由匠人将染料手工注入层叠的布料中染成，颜色透至背面。越用越柔软，"
                            "色彩也会随着洗涤变得温和。</p><p>100%纯棉，约33×90厘米。可作手帕、擦碗布或包装布；"
                            "毛边在洗过几次后会自然稳定。</p>"),
                "ar": ("منشفة تينوغوي مصبوغة بطريقة تشوسين",
                       "<p>تُصبغ بطريقة تشوسين، إذ يصب الحرفيون الصبغة يدويًا عبر طبقات القماش المكدسة، فيتخلل اللون "
                       "حتى الوجه الخلفي. تزداد نعومة مع كل غسلة وتصبح ألوانها أهدأ.</p><p>قطن 100%، بمقاس 33 × 90 سم "
                       "تقريبًا. استخدمها منشفة يد أو فوطة للأطباق أو لتغليف الهدايا، وتستقر الحواف المقصوصة بعد بضع "
                       "غسلات.</p>"),
                "ja": ("注染 手ぬぐい",
                       "<p>職人が重ねた布に染料を一枚ずつ注ぎ込んで染める「注染」の手ぬぐいです。裏まで色がしっかり通り、"
                       "使うほどに柔らかく、色合いもやさしく変化していきます。</p><p>綿100％、約33×90cm。ハンカチやふきん、"
                       "ラッピングにも使えます。端は切りっぱなしですが、洗ううちにほつれが落ち着きます。</p>"),
            },
        },
        {
            "slug": "mino-washi-table-lamp",
            "category": "home-living",
            "brand": "sakura-craft",
            "options": "サイズ: 小, 大",
            "price": "14300",
            "compare_at": "16800",
            "stock": 5,
            "units_sold": 83,
            "colour": (246, 232, 204),
            "images": 3,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 900,
            "hs_code": "940520",
            "collections": ["new-arrivals", "gift-ideas"],
            "texts": {
                "en": ("Mino Washi Table Lamp",
                       "<p>Handmade washi paper from Mino, Gifu Prefecture, stretched over a hinoki cypress frame. "
                       "The paper diffuses the light into a soft, warm glow that suits a bedroom or a reading "
                       "corner.</p><ul><li>E17 socket, warm-white LED bulb included</li><li>About 1.8 m cord with "
                       "in-line switch</li></ul>"),
                "zh-hans": ("美浓和纸台灯",
                            "<p>将岐阜县美浓市手工抄制的和纸裱在桧木框架上制成的台灯。灯光透过和纸柔和散开，"
                            "为卧室或阅读角营造温暖宁静的氛围。</p><ul><li>E17灯座，附暖白光LED灯泡</li>"
                            "<li>电线长约1.8米，带线上开关</li></ul>"),
                "ar": ("مصباح طاولة من ورق واشي مينو",
                       "<p>ورق واشي مصنوع يدويًا في مدينة مينو بمحافظة غيفو، مشدود على إطار من خشب الهينوكي. ينشر الورق "
                       "الضوء في وهج دافئ ناعم يناسب غرفة النوم أو ركن القراءة.</p><ul><li>قاعدة مصباح E17 مع لمبة LED "
                       "بضوء أبيض دافئ</li><li>سلك بطول 1.8 م تقريبًا مع مفتاح على السلك</li></ul>"),
                "ja": ("美濃和紙のテーブルランプ",
                       "<p>岐阜県美濃市で漉かれた手漉き和紙を、ヒノキの木枠に張ったテーブルランプです。和紙を通した光は"
                       "柔らかく広がり、寝室や読書コーナーに穏やかな陰影をつくります。</p><ul><li>E17口金、LED電球"
                       "（電球色）付き</li><li>コード長さ約1.8m、中間スイッチ付き</li></ul>"),
            },
        },
        {
            "slug": "cotton-zabuton-cushion",
            "category": "home-living",
            "brand": "sakura-craft",
            "options": "色: 藍, 生成り, 柿渋",
            "price": "4400",
            "compare_at": None,
            "stock": 0,
            "units_sold": 112,
            "colour": (38, 58, 96),
            "images": 2,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 700,
            "hs_code": "940490",
            "collections": [],
            "texts": {
                "en": ("Cotton Zabuton Floor Cushion",
                       "<p>A traditional floor cushion generously filled with cotton wadding and hand-tufted by a "
                       "craftsman. The indigo- or persimmon-dyed cotton cover gains character the longer you use "
                       "it.</p><p>About 55 × 59 cm. The cover does not come off, so air the cushion in the sun now "
                       "and then to keep it plump.</p>"),
                "zh-hans": ("棉布坐垫",
                            "<p>填充大量棉絮、由匠人手工缝钉的传统日式坐垫。蓝染或柿涩染的棉布面料越用越有韵味，"
                            "让席地而坐的生活更加舒适。</p><p>尺寸约55×59厘米。外套不可拆卸，请不时放在阳光下晾晒，"
                            "保持蓬松。</p>"),
                "ar": ("وسادة أرضية زابوتون قطنية",
                       "<p>وسادة أرضية تقليدية محشوة بكمية وافرة من حشوة القطن ومثبتة يدويًا بيد حرفي. غطاؤها القطني "
                       "المصبوغ بالنيلة أو بعصارة الكاكي يكتسب طابعًا أجمل مع طول الاستخدام.</p><p>مقاسها نحو 55 × 59 "
                       "سم. الغطاء غير قابل للنزع، لذا عرّضها للشمس من حين لآخر لتبقى منتفخة.</p>"),
                "ja": ("木綿の座布団",
                       "<p>綿わたをたっぷり詰め、職人が手でとじた昔ながらの座布団です。藍染めや柿渋染めの木綿地は使うほどに"
                       "風合いが増し、床座の暮らしを心地よく支えます。</p><p>サイズは約55×59cm（銘仙判）。カバーは外せない"
                       "ため、ときどき天日に干してふっくらさせてください。</p>"),
            },
        },
        {
            "slug": "kyoto-incense-sticks",
            "category": "home-living",
            "brand": None,
            "options": "香り: 白檀, 沈香, 桜",
            "price": "1650",
            "compare_at": None,
            "stock": 38,
            "units_sold": 254,
            "colour": (122, 74, 110),
            "images": 1,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 80,
            "hs_code": "330741",
            "collections": [],
            "texts": {
                "en": ("Kyoto Incense Sticks",
                       "<p>Blended from natural aromatics by a long-established incense house in Kyoto. Each stick "
                       "burns for about 25 minutes with little smoke, so it suits a living room or bedroom.</p>"
                       "<p>About 40 sticks with a small ceramic holder. Keep away from anything flammable while "
                       "burning.</p>"),
                "zh-hans": ("京都线香",
                            "<p>由京都老字号香铺以天然香料调配而成的线香。每支燃烧约25分钟，烟量较少，适合在客厅或卧室"
                            "使用。</p><p>约40支装，附陶瓷香插。点燃时请远离易燃物品。</p>"),
                "ar": ("أعواد بخور من كيوتو",
                       "<p>مزيج من مواد عطرية طبيعية يُحضَّر في دار بخور عريقة في كيوتو. يحترق العود الواحد نحو 25 دقيقة "
                       "بدخان قليل، فيناسب غرفة المعيشة أو غرفة النوم.</p><p>نحو 40 عودًا مع حامل خزفي صغير. أبقِها "
                       "بعيدًا عن أي مواد قابلة للاشتعال أثناء الاحتراق.</p>"),
                "ja": ("京都のお香 スティック",
                       "<p>京都の老舗香舗が天然香料で調合したスティック香です。1本で約25分燃え、煙が少なめなのでリビングや"
                       "寝室でも気軽に楽しめます。</p><p>約40本入り、陶器の香立て付き。燃えやすいものの近くでは使用しないで"
                       "ください。</p>"),
            },
        },
        {
            "slug": "cotton-furoshiki",
            "category": "home-living",
            "brand": None,
            "options": "サイズ: 50cm, 70cm, 100cm",
            "price": "2200",
            "compare_at": None,
            "stock": 26,
            "units_sold": 137,
            "colour": (196, 78, 60),
            "images": 2,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 100,
            "hs_code": "630790",
            "collections": [],
            "texts": {
                "en": ("Cotton Furoshiki Wrapping Cloth",
                       "<p>A reversible furoshiki in sturdy cotton broadcloth. Wrap a bento, a bottle or a gift in "
                       "it, or knot it into a shopping bag.</p><p>Machine washable in a laundry net; iron on medium "
                       "heat.</p>"),
                "zh-hans": ("棉质风吕敷包袱布",
                            "<p>以厚实棉布缝制的双面风吕敷。可以包裹便当、酒瓶或礼物，也能打结变成一只购物袋。</p>"
                            "<p>可装入洗衣袋机洗，中温熨烫。</p>"),
                "ar": ("قماشة فوروشيكي قطنية للتغليف",
                       "<p>قماشة فوروشيكي بوجهين من قماش قطني متين. لُفّ بها علبة الغداء أو زجاجة أو هدية، أو اعقدها "
                       "لتصبح حقيبة تسوق.</p><p>قابلة للغسل في الغسالة داخل كيس غسيل، وتُكوى على حرارة متوسطة.</p>"),
                "ja": ("綿の風呂敷",
                       "<p>しっかりとした綿ブロードで仕立てた、リバーシブルの風呂敷です。お弁当や瓶、贈り物を包むほか、"
                       "結んでエコバッグとしても活躍します。</p><p>洗濯ネットに入れれば洗濯機で洗えます。アイロンは中温で。"
                       "</p>"),
            },
        },
        {
            "slug": "imabari-bath-towel",
            "category": "home-living",
            "brand": None,
            "options": "色: 白, 生成り, 藍",
            "price": "3850",
            "compare_at": "4400",
            "stock": 30,
            "units_sold": 298,
            "colour": (240, 236, 226),
            "images": 2,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 450,
            "hs_code": "630260",
            "collections": ["gift-ideas"],
            "texts": {
                "en": ("Imabari Bath Towel",
                       "<p>Woven in Imabari, Ehime Prefecture, from 100% cotton and certified under the Imabari Towel "
                       "standard, which requires a towel to start absorbing water within five seconds. It feels "
                       "soft, light and airy.</p><p>About 60 × 120 cm. Go easy on fabric softener, which reduces "
                       "absorbency.</p>"),
                "zh-hans": ("今治浴巾",
                            "<p>产自爱媛县今治的100%纯棉浴巾，通过今治毛巾认证——该标准要求毛巾在5秒内开始吸水。"
                            "触感蓬松柔软、轻盈透气。</p><p>尺寸约60×120厘米。柔顺剂会降低吸水性，请酌量使用。</p>"),
                "ar": ("منشفة حمام إيمابري",
                       "<p>منسوجة في إيمابري بمحافظة إهيمه من القطن الخالص، وحاصلة على شهادة مناشف إيمابري التي تشترط "
                       "أن تبدأ المنشفة في امتصاص الماء خلال خمس ثوانٍ. ملمسها ناعم وخفيف ومنفوش.</p><p>المقاس نحو "
                       "60 × 120 سم. قلّل من استخدام منعّم الأقمشة لأنه يضعف قدرة الامتصاص.</p>"),
                "ja": ("今治タオル バスタオル",
                       "<p>愛媛県今治で織られた綿100％のバスタオルです。水に浮かべて5秒以内に沈み始めることを求める、"
                       "今治タオルの吸水基準をクリアした認定品で、ふんわりと軽い肌ざわりです。</p><p>サイズ約60×120cm。"
                       "柔軟剤は吸水性を損なうため、使いすぎないようにしてください。</p>"),
            },
        },
        {
            "slug": "beppu-bamboo-basket",
            "category": "home-living",
            "brand": "sakura-craft",
            "options": "サイズ: 小, 大",
            "price": "6800",
            "compare_at": None,
            "stock": 8,
            "units_sold": 31,
            "colour": (196, 160, 96),
            "images": 2,
            "gtin": "",
            "origin": "JP",
            "weight_grams": 350,
            "hs_code": "460211",
            "collections": ["new-arrivals"],
            "texts": {
                "en": ("Beppu Bamboo Basket",
                       "<p>Woven by a bamboo craftsman in Beppu, Oita Prefecture, from finely split madake bamboo, "
                       "with a sturdy carrying handle. Use it for fruit or bread, or to keep small things "
                       "tidy.</p><p>It can be rinsed in water but should dry fully before use. Over the years the "
                       "bamboo mellows to a warm amber.</p>"),
                "zh-hans": ("别府竹编提篮",
                            "<p>由大分县别府的竹编匠人将真竹劈成细篾手工编织而成，附结实提手。可以盛放水果、面包，"
                            "也可以收纳小物。</p><p>可用清水冲洗，但请充分晾干后再使用。随着岁月流转，竹色会渐渐变成"
                            "温润的琥珀色。</p>"),
                "ar": ("سلة خيزران من بيبو",
                       "<p>ينسجها حرفي خيزران في بيبو بمحافظة أويتا من شرائح رفيعة من خيزران الماداكي، ولها مقبض متين "
                       "للحمل. استخدمها للفواكه أو الخبز أو لترتيب الأغراض الصغيرة.</p><p>يمكن شطفها بالماء لكن يجب أن "
                       "تجف تمامًا قبل الاستخدام. ومع مرور السنين يتحول لون الخيزران إلى كهرماني دافئ.</p>"),
                "ja": ("別府竹細工のかご",
                       "<p>大分県別府の竹細工職人が、真竹を細く割って編み上げた手付きのかごです。果物やパンを入れたり、"
                       "小物の収納にしたりと、使い道はさまざまです。</p><p>水洗いはできますが、よく乾かしてから使って"
                       "ください。年月とともに飴色へと変化していきます。</p>"),
            },
        },
    ],
    # ------------------------------------------------------------------ souq (UAE, Arabic, AED)
    "souq": [
        {
            "slug": "royal-oud-perfume",
            "category": "beauty",
            "brand": "noor",
            "options": "الحجم: 50 مل, 100 مل",
            "price": "185.00",
            "compare_at": "240.00",
            "stock": 15,
            "units_sold": 356,
            "colour": (92, 52, 30),
            "images": 3,
            "gtin": "",
            "origin": "AE",
            "weight_grams": 350,
            "hs_code": "330300",
            "collections": ["ramadan-gifts"],
            "texts": {
                "en": ("Royal Oud Eau de Parfum",
                       "<p>A warm blend of Cambodian oud, Taif rose and a touch of saffron that lasts all day. It is "
                       "bottled in Dubai in a weighty glass flacon with a gilded cap.</p><p>Spray on pulse points "
                       "and clothing from about 15 cm, and store away from heat and sunlight.</p>"),
                "zh-hans": ("皇家沉香香水",
                            "<p>融合温暖的柬埔寨沉香、塔伊夫玫瑰与一丝藏红花，留香持久一整天。在迪拜灌装，配厚重玻璃瓶"
                            "与镀金瓶盖。</p><p>距离约15厘米喷于脉搏处或衣物上，请避开高温与阳光直射保存。</p>"),
                "ar": ("عطر العود الملكي",
                       "<p>عطر أو دو بارفان يجمع بين العود الكمبودي الدافئ والورد الطائفي ولمسة من الزعفران، بثبات يدوم "
                       "طوال اليوم. يُعبأ في دبي في زجاجة ثقيلة بغطاء مذهّب.</p><p>رشّه على نقاط النبض وعلى الملابس من "
                       "مسافة 15 سم تقريبًا، واحفظه بعيدًا عن الحرارة وأشعة الشمس.</p>"),
                "ja": ("ロイヤルウード オードパルファム",
                       "<p>カンボジア産ウードの温かみにタイフローズとひとさじのサフランを重ねた、一日中香りが続くオードパル"
                       "ファム。ドバイで、重厚なガラスボトルと金色のキャップに詰められています。</p><p>脈打つ部分や衣服に"
                       "約15cm離して吹きかけ、高温・直射日光を避けて保管してください。</p>"),
            },
        },
        {
            "slug": "cambodian-oud-oil",
            "category": "beauty",
            "brand": "noor",
            "options": "الحجم: 3 مل, 6 مل",
            "price": "450.00",
            "compare_at": None,
            "stock": 4,
            "units_sold": 72,
            "colour": (60, 34, 20),
            "images": 2,
            "gtin": "",
            "origin": "KH",
            "weight_grams": 60,
            "hs_code": "330129",
            "collections": ["ramadan-gifts"],
            "texts": {
                "en": ("Cambodian Oud Oil",
                       "<p>Pure oud oil distilled from aged Cambodian agarwood, with a deep scent that is both sweet "
                       "and smoky. A tiny drop on the wrist or behind the ear lasts for many hours.</p><p>Supplied "
                       "in a glass vial with an applicator rod; keep it tightly closed in a cool place.</p>"),
                "zh-hans": ("柬埔寨沉香油",
                            "<p>由陈年柬埔寨沉香木蒸馏而成的纯沉香油，香气深邃，甜美中带着烟熏气息。在手腕或耳后点上"
                            "一小滴，香味可持续数小时。</p><p>装于附涂抹棒的玻璃小瓶中，请拧紧瓶盖置于阴凉处保存。</p>"),
                "ar": ("دهن العود الكمبودي",
                       "<p>دهن عود خالص مقطّر من خشب العود الكمبودي المعتّق، برائحة عميقة تجمع بين الحلاوة والدخان. "
                       "تكفي قطرة صغيرة على المعصم أو خلف الأذن لتدوم الرائحة ساعات طويلة.</p><p>يأتي في قارورة زجاجية "
                       "مع عود للتطبيق، ويُحفظ مغلقًا بإحكام في مكان بارد.</p>"),
                "ja": ("カンボジア産 ウードオイル",
                       "<p>熟成したカンボジア産の沈香木から蒸留した、純粋なウードオイル。甘さとスモーキーさをあわせ持つ"
                       "奥深い香りです。手首や耳の後ろにほんの一滴つけるだけで、何時間も香りが続きます。</p><p>塗布用"
                       "スティック付きのガラス瓶入り。しっかり栓をして涼しい場所で保管してください。</p>"),
            },
        },
        {
            "slug": "luxury-bakhoor",
            "category": "beauty",
            "brand": "noor",
            "options": "الرائحة: ورد, عنبر, مسك",
            "price": "65.00",
            "compare_at": None,
            "stock": 40,
            "units_sold": 298,
            "colour": (120, 70, 40),
            "images": 2,
            "gtin": "6291045003215",
            "origin": "AE",
            "weight_grams": 200,
            "hs_code": "330741",
            "collections": ["ramadan-gifts"],
            "texts": {
                "en": ("Luxury Bakhoor",
                       "<p>Wood chips soaked in perfume oils and honey, prepared the traditional Emirati way. Place a "
                       "small piece on a hot coal or an electric burner to scent your home and clothes.</p><p>50 g "
                       "tin; keep it closed so the chips don't dry out.</p>"),
                "zh-hans": ("阿拉伯熏香块",
                            "<p>将沉香木屑浸泡于香油和蜂蜜中，按阿联酋传统方法制成的熏香（Bakhoor）。取一小块放在炭火"
                            "或电熏香炉上，即可为居室和衣物增添香气。</p><p>50克罐装，请盖紧保存，以免干燥。</p>"),
                "ar": ("بخور معمول فاخر",
                       "<p>قطع بخور من نشارة العود المنقوعة في الزيوت العطرية والعسل، تُحضَّر بالطريقة الإماراتية "
                       "التقليدية. ضع قطعة صغيرة على الجمر أو على المبخرة الكهربائية لتعطير البيت والملابس.</p>"
                       "<p>علبة 50 غ، تُحفظ مغلقة حتى لا تجف.</p>"),
                "ja": ("バフール（お香チップ）",
                       "<p>沈香のウッドチップを香油とはちみつに漬け込んだ、UAE伝統の製法によるお香です。熱した炭や電気香炉に"
                       "小さなかけらをのせて、部屋や衣服に香りをまとわせます。</p><p>50g缶入り。乾燥しないよう、ふたを"
                       "しっかり閉めて保管してください。</p>"),
            },
        },
        {
            "slug": "organic-argan-oil",
            "category": "beauty",
            "brand": None,
            "options": "",
            "price": "79.00",
            "compare_at": None,
            "stock": 25,
            "units_sold": 164,
            "colour": (214, 170, 70),
            "images": 1,
            "gtin": "",
            "origin": "MA",
            "weight_grams": 150,
            "hs_code": "330499",
            "collections": ["summer-edit"],
            "texts": {
                "en": ("Organic Moroccan Argan Oil",
                       "<p>Cold-pressed organic argan oil made by a women's cooperative near Essaouira, Morocco. It "
                       "nourishes skin, hair and nails and sinks in quickly without feeling greasy.</p><p>Apply a "
                       "few drops to damp skin or to the ends of your hair. 50 ml glass dropper bottle.</p>"),
                "zh-hans": ("摩洛哥有机阿甘油",
                            "<p>由摩洛哥索维拉附近的女性合作社冷榨而成的有机阿甘油。可滋养肌肤、头发和指甲，吸收迅速、"
                            "不油腻。</p><p>取几滴涂于微湿的肌肤或发梢。50毫升玻璃滴管瓶装。</p>"),
                "ar": ("زيت الأركان المغربي العضوي",
                       "<p>زيت أركان عضوي معصور على البارد تنتجه تعاونية نسائية قرب الصويرة في المغرب. يغذي البشرة والشعر "
                       "والأظافر ويمتص بسرعة دون أن يترك ملمسًا دهنيًا.</p><p>ضع بضع قطرات على البشرة الرطبة أو على "
                       "أطراف الشعر. عبوة زجاجية 50 مل بقطّارة.</p>"),
                "ja": ("モロッコ産 オーガニックアルガンオイル",
                       "<p>モロッコ・エッサウィラ近郊の女性協同組合が低温圧搾したオーガニックのアルガンオイル。肌・髪・爪に"
                       "うるおいを与え、すっとなじんでべたつきません。</p><p>湿った肌や毛先に数滴なじませてください。"
                       "50mlのガラス製スポイトボトル入り。</p>"),
            },
        },
        {
            "slug": "taif-rose-water",
            "category": "beauty",
            "brand": "noor",
            "options": "",
            "price": "35.00",
            "compare_at": None,
            "stock": 0,
            "units_sold": 210,
            "colour": (232, 150, 170),
            "images": 1,
            "gtin": "",
            "origin": "SA",
            "weight_grams": 300,
            "hs_code": "330190",
            "collections": ["summer-edit"],
            "texts": {
                "en": ("Taif Rose Water",
                       "<p>Distilled from Damask roses picked at dawn in Taif each spring. Use it as a refreshing skin "
                       "toner, as a face mist on hot days, or to give hair and pillowcases a light scent.</p>"
                       "<p>250 ml spray bottle; keep it in the fridge after opening.</p>"),
                "zh-hans": ("塔伊夫玫瑰纯露",
                            "<p>以塔伊夫每年春天清晨采摘的大马士革玫瑰蒸馏而成。可作清爽的爽肤水，炎炎夏日用作面部喷雾，"
                            "也可喷在头发和枕巾上，带来淡淡香气。</p><p>250毫升喷雾瓶装，开封后请冷藏保存。</p>"),
                "ar": ("ماء الورد الطائفي",
                       "<p>ماء ورد مقطّر من ورود الطائف الدمشقية التي تُقطف فجرًا في كل ربيع. يُستخدم تونرًا منعشًا "
                       "للبشرة أو رذاذًا للوجه في الأيام الحارة، كما يمكن رشّه على الشعر والوسائد لرائحة خفيفة.</p>"
                       "<p>عبوة 250 مل ببخاخ، وتُحفظ في الثلاجة بعد الفتح.</p>"),
                "ja": ("タイフ ローズウォーター",
                       "<p>サウジアラビアのタイフで、春の早朝に摘んだダマスクローズを蒸留したローズウォーターです。"
                       "さっぱりとした化粧水として、暑い日のフェイスミストとして、また髪や枕カバーにほのかな香りをまとわせる"
                       "のにも使えます。</p><p>250mlのスプレーボトル入り。開封後は冷蔵庫で保管してください。</p>"),
            },
        },
        {
            "slug": "hydrating-sunscreen-spf50",
            "category": "beauty",
            "brand": "noor",
            "options": "",
            "price": "89.00",
            "compare_at": None,
            "stock": 30,
            "units_sold": 187,
            "colour": (250, 214, 120),
            "images": 2,
            "gtin": "",
            "origin": "KR",
            "weight_grams": 80,
            "hs_code": "330499",
            "collections": ["summer-edit", "new-arrivals"],
            "texts": {
                "en": ("Hydrating Sunscreen SPF 50",
                       "<p>A lightweight SPF 50 PA++++ sunscreen made for strong Gulf sun. The water-gel texture "
                       "leaves no white cast and sits well under make-up, and it contains niacinamide and "
                       "hyaluronic acid.</p><p>Apply generously 15 minutes before going out in the sun and reapply "
                       "every two hours. 50 ml.</p>"),
                "zh-hans": ("保湿防晒霜 SPF 50",
                            "<p>轻薄的SPF 50 PA++++防晒霜，专为海湾地区的强烈日照设计。水感凝胶质地不泛白，适合妆前"
                            "使用，含烟酰胺和玻尿酸。</p><p>出门前15分钟足量涂抹，每两小时补涂一次。50毫升。</p>"),
                "ar": ("واقي شمس مرطب SPF 50",
                       "<p>واقٍ خفيف من الشمس بعامل حماية SPF 50 وتصنيف PA++++، مصمم لشمس الخليج القوية. قوامه الجل "
                       "المائي لا يترك أثرًا أبيض ويناسب الاستخدام تحت المكياج، ويحتوي على النياسيناميد وحمض "
                       "الهيالورونيك.</p><p>ضعه بسخاء قبل التعرض للشمس بـ15 دقيقة، وجدد وضعه كل ساعتين. العبوة 50 "
                       "مل.</p>"),
                "ja": ("うるおい日焼け止め SPF50",
                       "<p>湾岸地域の強い日差しに向けて作られた、SPF50・PA++++の軽やかな日焼け止め。みずみずしいジェル"
                       "テクスチャーで白浮きせず、化粧下地としても使えます。ナイアシンアミドとヒアルロン酸配合。</p>"
                       "<p>日に当たる15分前にたっぷり塗り、2時間おきに塗り直してください。50ml。</p>"),
            },
        },
        {
            "slug": "white-musk-cream",
            "category": "beauty",
            "brand": "noor",
            "options": "",
            "price": "45.00",
            "compare_at": None,
            "stock": 50,
            "units_sold": 431,
            "colour": (244, 240, 232),
            "images": 1,
            "gtin": "",
            "origin": "AE",
            "weight_grams": 60,
            "hs_code": "330300",
            "collections": ["ramadan-gifts"],
            "texts": {
                "en": ("White Musk Cream Perfume",
                       "<p>A soft, creamy white musk with a clean, comforting scent that lasts, and no alcohol. Dab "
                       "a little on your wrists and neck; it layers easily with other perfumes.</p><p>25 g jar; "
                       "store somewhere cool and out of the sun.</p>"),
                "zh-hans": ("白麝香香膏",
                            "<p>质地柔滑的白麝香香膏，气味干净温和，留香持久，且不含酒精。取少量点涂于手腕和颈部，"
                            "也很容易与其他香水叠搭。</p><p>25克装，请存放在阴凉避光处。</p>"),
                "ar": ("مسك أبيض كريمي",
                       "<p>مسك أبيض بقوام كريمي ناعم ورائحة نظيفة مريحة تدوم طويلًا، وهو خالٍ من الكحول. ضع كمية صغيرة "
                       "على المعصمين والرقبة، ويمتزج بسهولة مع العطور الأخرى.</p><p>علبة 25 غ، تُحفظ في مكان بارد "
                       "بعيدًا عن الشمس.</p>"),
                "ja": ("ホワイトムスク 練り香水",
                       "<p>アルコールを含まない、なめらかなクリーム状のホワイトムスク。清潔感のある心地よい香りが長く続きます。"
                       "手首や首すじに少量なじませるだけで、ほかの香水とも重ねやすい香りです。</p><p>25g入り。直射日光を"
                       "避け、涼しい場所で保管してください。</p>"),
            },
        },
        {
            "slug": "embroidered-abaya",
            "category": "clothing",
            "brand": "noor",
            "options": "المقاس: 52, 54, 56, 58",
            "price": "420.00",
            "compare_at": "520.00",
            "stock": 6,
            "units_sold": 118,
            "colour": (22, 20, 24),
            "images": 3,
            "gtin": "",
            "origin": "AE",
            "weight_grams": 700,
            "hs_code": "620443",
            "collections": ["new-arrivals", "ramadan-gifts"],
            "texts": {
                "en": ("Hand-Embroidered Abaya",
                       "<p>A black abaya in fluid premium Japanese crepe, finished with hand embroidery in gold thread "
                       "on the sleeves and front. It has a relaxed, comfortable cut and comes with a matching "
                       "shayla.</p><p>Dry clean or hand wash in cold water; iron inside out on a low setting.</p>"),
                "zh-hans": ("手工刺绣阿巴雅长袍",
                            "<p>黑色阿巴雅长袍，采用垂坠感极佳的日本高级绉纱面料，袖口和前襟饰有金线手工刺绣。"
                            "版型宽松舒适，附配套头巾。</p><p>建议干洗或冷水手洗，反面低温熨烫。</p>"),
                "ar": ("عباءة مطرزة يدويًا",
                       "<p>عباءة سوداء من قماش الكريب الياباني الفاخر ذي الانسدال الناعم، مزينة بتطريز يدوي بخيوط ذهبية "
                       "على الأكمام والواجهة. قصتها واسعة ومريحة، وتأتي مع شيلة متناسقة.</p><p>يُفضَّل التنظيف الجاف أو "
                       "الغسيل اليدوي بماء بارد، وتُكوى على حرارة منخفضة من الجهة الداخلية.</p>"),
                "ja": ("手刺繍のアバヤ",
                       "<p>しなやかな落ち感のある上質な日本製クレープ生地を使った黒のアバヤ。袖と前身頃に金糸の手刺繍を"
                       "あしらいました。ゆったりとした着心地のよいシルエットで、共布のシェイラが付いています。</p>"
                       "<p>ドライクリーニングまたは冷水での手洗いをおすすめします。アイロンは裏から低温で。</p>"),
            },
        },
        {
            "slug": "everyday-nida-abaya",
            "category": "clothing",
            "brand": "noor",
            "options": "اللون: أسود, كحلي\nالمقاس: 52, 54, 56, 58",
            "price": "260.00",
            "compare_at": None,
            "stock": 0,
            "units_sold": 245,
            "colour": (26, 30, 52),
            "images": 2,
            "gtin": "",
            "origin": "AE",
            "weight_grams": 550,
            "hs_code": "620443",
            "collections": [],
            "texts": {
                "en": ("Everyday Nida Abaya",
                       "<p>A practical everyday abaya in light, crease-resistant nida fabric, with a butterfly cut "
                       "that gives plenty of freedom to move. It has two hidden side pockets and snap-button "
                       "cuffs.</p><p>Machine wash cold on a gentle cycle and hang to dry.</p>"),
                "zh-hans": ("日常款尼达面料阿巴雅",
                            "<p>实用的日常阿巴雅长袍，采用轻盈抗皱的尼达面料，蝙蝠式剪裁让活动更自在。两侧设有隐藏口袋，"
                            "袖口配按扣。</p><p>冷水轻柔模式机洗，悬挂晾干。</p>"),
                "ar": ("عباءة يومية من قماش الندى",
                       "<p>عباءة عملية للاستخدام اليومي من قماش الندى الخفيف الذي لا يتجعد بسهولة، بقصة فراشة تمنح حرية "
                       "في الحركة. فيها جيبان جانبيان مخفيان وأكمام بأزرار كبّاسة.</p><p>تُغسل في الغسالة على دورة لطيفة "
                       "بماء بارد، وتُعلّق لتجف.</p>"),
                "ja": ("デイリー ニダ アバヤ",
                       "<p>軽くてしわになりにくいニダ生地で仕立てた、普段使いに便利なアバヤ。バタフライカットで動きやすく、"
                       "サイドには隠しポケットが2つ、袖口はスナップボタン仕様です。</p><p>洗濯機の弱水流（冷水）で洗い、"
                       "吊り干ししてください。</p>"),
            },
        },
        {
            "slug": "emirati-kandura",
            "category": "clothing",
            "brand": None,
            "options": "المقاس: 54, 56, 58, 60, 62",
            "price": "280.00",
            "compare_at": None,
            "stock": 12,
            "units_sold": 167,
            "colour": (248, 248, 246),
            "images": 2,
            "gtin": "",
            "origin": "AE",
            "weight_grams": 600,
            "hs_code": "621133",
            "collections": ["ramadan-gifts"],
            "texts": {
                "en": ("Classic Emirati Kandura",
                       "<p>A white Emirati kandura tailored from soft Japanese cotton-blend fabric that stays cool in "
                       "the heat. It has the traditional tarboosha tassel at the neck and subtle tone-on-tone "
                       "embroidery, plus two side pockets and a chest pocket.</p><p>Wash in lukewarm water and iron "
                       "on medium heat while slightly damp.</p>"),
                "zh-hans": ("经典阿联酋坎杜拉长袍",
                            "<p>白色阿联酋坎杜拉长袍，以柔软的日本棉混纺面料裁制，炎热天气穿着依然清凉。领口垂有传统的"
                            "“塔布沙”流苏，饰以同色系低调刺绣，并设有两个侧袋和一个胸袋。</p><p>温水洗涤，微潮时以中温"
                            "熨烫。</p>"),
                "ar": ("كندورة إماراتية كلاسيكية",
                       "<p>كندورة إماراتية بيضاء مفصّلة من قماش ياباني ناعم مخلوط بالقطن، يبقى باردًا على الجسم في الأيام "
                       "الحارة. تتميز بالطربوشة المتدلية عند الرقبة وتطريز خفيف بلون القماش، مع جيبين جانبيين وجيب على "
                       "الصدر.</p><p>تُغسل بماء فاتر وتُكوى على حرارة متوسطة وهي رطبة قليلًا.</p>"),
                "ja": ("クラシック カンドゥーラ",
                       "<p>ひんやりとした肌ざわりで暑い日も快適な、日本製の柔らかなコットン混生地で仕立てたUAEの白い"
                       "カンドゥーラ。首元には伝統的な房飾り「タルブーシャ」と同色の控えめな刺繍をあしらい、サイドポケット2つ"
                       "と胸ポケットを備えています。</p><p>ぬるま湯で洗い、少し湿り気が残るうちに中温でアイロンをかけて"
                       "ください。</p>"),
            },
        },
        {
            "slug": "white-cotton-ghutra",
            "category": "clothing",
            "brand": None,
            "options": "",
            "price": "95.00",
            "compare_at": None,
            "stock": 20,
            "units_sold": 88,
            "colour": (252, 252, 250),
            "images": 1,
            "gtin": "",
            "origin": "GB",
            "weight_grams": 200,
            "hs_code": "621490",
            "collections": [],
            "texts": {
                "en": ("White Cotton Ghutra",
                       "<p>A white ghutra in soft, tightly woven cotton voile that keeps its shape and stays "
                       "comfortable all day. It measures about 140 × 140 cm and has neatly stitched edges.</p>"
                       "<p>Hand wash or machine wash on a gentle cycle; starch and iron as you prefer.</p>"),
                "zh-hans": ("白色棉质古特拉头巾",
                            "<p>白色古特拉头巾，采用织造紧密的柔软棉质巴里纱，造型挺括，全天佩戴都很舒适。尺寸约"
                            "140×140厘米，边缘缝制精细。</p><p>可手洗或轻柔模式机洗，可按个人喜好上浆熨烫。</p>"),
                "ar": ("غترة قطنية بيضاء",
                       "<p>غترة بيضاء من قطن الفوال الناعم المنسوج بإحكام، تحافظ على شكلها وتبقى مريحة طوال اليوم. "
                       "مقاسها 140 × 140 سم تقريبًا، وحوافها مخيطة بعناية.</p><p>تُغسل يدويًا أو في الغسالة على دورة "
                       "لطيفة، وتُنشّى وتُكوى حسب الرغبة.</p>"),
                "ja": ("白いコットン グトラ",
                       "<p>目の詰まった柔らかなコットンボイルで作った白いグトラ。形がきれいに保たれ、一日中快適にかぶれます。"
                       "サイズは約140×140cmで、縁は丁寧に縫製されています。</p><p>手洗いまたは洗濯機の弱水流で洗えます。"
                       "お好みで糊付けしてアイロンをかけてください。</p>"),
            },
        },
        {
            "slug": "chiffon-shayla",
            "category": "clothing",
            "brand": "noor",
            "options": "اللون: أسود, رملي, وردي غامق, زيتي",
            "price": "55.00",
            "compare_at": None,
            "stock": 35,
            "units_sold": 276,
            "colour": (196, 170, 140),
            "images": 2,
            "gtin": "",
            "origin": "TR",
            "weight_grams": 90,
            "hs_code": "621430",
            "collections": ["summer-edit"],
            "texts": {
                "en": ("Chiffon Shayla",
                       "<p>A light chiffon shayla with a silky feel, softly sheer and easy to wrap and pin without "
                       "slipping. It measures 180 × 70 cm and suits everyday wear and summer travel.</p><p>Hand wash "
                       "in cold water and iron on the lowest setting.</p>"),
                "zh-hans": ("雪纺长头巾",
                            "<p>轻盈的雪纺长头巾，手感如丝，微微透明，易于缠绕固定且不易滑落。尺寸180×70厘米，"
                            "适合日常佩戴和夏季出行。</p><p>请冷水手洗，以最低温度熨烫。</p>"),
                "ar": ("شيلة شيفون",
                       "<p>شيلة خفيفة من الشيفون بملمس حريري، شبه شفافة وسهلة اللف والتثبيت دون أن تنزلق. مقاسها "
                       "180 × 70 سم، وتناسب الاستخدام اليومي والسفر في الصيف.</p><p>تُغسل يدويًا بماء بارد وتُكوى على "
                       "أقل حرارة.</p>"),
                "ja": ("シフォン シェイラ",
                       "<p>シルクのような手ざわりの軽いシフォンで作ったシェイラ。ほどよい透け感があり、滑りにくいので巻きやすく"
                       "留めやすいのが特長です。サイズは180×70cmで、普段使いにも夏の旅行にも。</p><p>冷水で手洗いし、"
                       "アイロンは最低温度でかけてください。</p>"),
            },
        },
        {
            "slug": "linen-summer-kaftan",
            "category": "clothing",
            "brand": "noor",
            "options": "اللون: أبيض, تيراكوتا\nالمقاس: صغير, وسط, كبير",
            "price": "310.00",
            "compare_at": "360.00",
            "stock": 5,
            "units_sold": 63,
            "colour": (196, 104, 72),
            "images": 3,
            "gtin": "",
            "origin": "MA",
            "weight_grams": 400,
            "hs_code": "620449",
            "collections": ["summer-edit", "new-arrivals"],
            "texts": {
                "en": ("Linen Summer Kaftan",
                       "<p>A loose kaftan in breathable pure linen, with a V-neck trimmed in Moroccan hand embroidery "
                       "and three-quarter sleeves. Ideal for summer evenings and beach holidays.</p><p>Machine wash "
                       "at 30 °C and iron while slightly damp.</p>"),
                "zh-hans": ("亚麻夏日长袍",
                            "<p>宽松的纯亚麻长袍，透气清爽，V领饰有摩洛哥手工刺绣，搭配七分袖。非常适合夏日傍晚和"
                            "海滨度假。</p><p>30°C机洗，微潮时熨烫。</p>"),
                "ar": ("قفطان كتان صيفي",
                       "<p>قفطان واسع من الكتان الخالص الذي يسمح بمرور الهواء، بياقة على شكل V مزينة بتطريز مغربي يدوي "
                       "وأكمام بطول ثلاثة أرباع. مثالي للأمسيات الصيفية والعطلات على الشاطئ.</p><p>يُغسل في الغسالة على "
                       "30 درجة مئوية، ويُكوى وهو رطب قليلًا.</p>"),
                "ja": ("リネン サマーカフタン",
                       "<p>通気性のよいリネン100％で仕立てた、ゆったりとしたカフタン。Vネックにはモロッコの手刺繍をあしらい、"
                       "袖は七分丈です。夏の夕べやビーチでの休日にぴったりです。</p><p>30℃で洗濯機洗いでき、少し湿っている"
                       "うちにアイロンをかけてください。</p>"),
            },
        },
        {
            "slug": "mens-cotton-sirwal",
            "category": "clothing",
            "brand": None,
            "options": "المقاس: وسط, كبير, كبير جدًا",
            "price": "45.00",
            "compare_at": None,
            "stock": 60,
            "units_sold": 190,
            "colour": (250, 250, 248),
            "images": 1,
            "gtin": "",
            "origin": "PK",
            "weight_grams": 180,
            "hs_code": "620711",
            "collections": [],
            "texts": {
                "en": ("Men's Cotton Sirwal",
                       "<p>Light white cotton trousers to wear under a kandura or thobe, with an elastic waist and an "
                       "adjustable drawstring. The soft pure cotton absorbs sweat and stays comfortable in the "
                       "heat.</p><p>Machine washable at up to 40 °C.</p>"),
                "zh-hans": ("男士纯棉长衬裤",
                            "<p>轻薄的白色纯棉长裤（西尔瓦），可穿在坎杜拉或长袍里面，松紧腰头配可调节抽绳。柔软的纯棉"
                            "面料吸汗透气，炎热天气也很舒适。</p><p>可机洗，水温不超过40°C。</p>"),
                "ar": ("سروال قطني للرجال",
                       "<p>سروال قطني أبيض خفيف يُلبس تحت الكندورة أو الثوب، بخصر مطاطي ورباط قابل للتعديل. قماشه من "
                       "القطن الخالص الناعم الذي يمتص العرق ويبقى مريحًا في الحر.</p><p>يُغسل في الغسالة على حرارة تصل "
                       "إلى 40 درجة مئوية.</p>"),
                "ja": ("メンズ コットン シルワル",
                       "<p>カンドゥーラやトーブの下にはく、軽い白のコットンパンツ。ウエストはゴムと調節できるひもの仕様です。"
                       "柔らかな綿100％の生地が汗を吸い、暑い日も快適に過ごせます。</p><p>40℃まで洗濯機で洗えます。</p>"),
            },
        },
        {
            "slug": "court-classic-sneaker",
            "category": "shoes",
            "brand": "northwind",
            "options": "المقاس: 40, 41, 42, 43, 44, 45",
            "price": "365.00",
            "compare_at": None,
            "stock": 10,
            "units_sold": 201,
            "colour": (245, 245, 240),
            "images": 3,
            "gtin": SHARED_SNEAKER_GTIN,
            "origin": "VN",
            "weight_grams": 850,
            "hs_code": "640399",
            "collections": ["new-arrivals"],
            "texts": {
                "en": ("Court Classic Leather Sneaker",
                       "<p>A clean low-top with a full-grain leather upper, a padded collar and a stitched cupsole "
                       "that can be replaced when needed. The cushioned cork-blend footbed gradually moulds to your "
                       "foot.</p><p>Wipe with a damp cloth and condition the leather every few months.</p>"),
                "zh-hans": ("Court Classic 真皮板鞋",
                            "<p>简洁的低帮板鞋，全粒面真皮鞋面，鞋口加衬软垫，缝线杯底在需要时可以更换。软木混合"
                            "缓震鞋垫会逐渐贴合你的脚型。</p><p>用湿布擦拭，每隔几个月为皮革做一次护理。</p>"),
                "ar": ("حذاء كورت كلاسيك الجلدي",
                       "<p>حذاء رياضي منخفض بتصميم نظيف، وجهه من جلد طبيعي كامل الحبيبات وياقته مبطنة، ونعله مخيط يمكن "
                       "تغييره عند الحاجة. فرشته المبطنة بمزيج الفلين تتشكل تدريجيًا مع شكل القدم.</p><p>امسحه بقطعة "
                       "قماش مبللة، واستخدم مرطب الجلد كل بضعة أشهر.</p>"),
                "ja": ("コートクラシック レザースニーカー",
                       "<p>フルグレインレザーのアッパーとパッド入りの履き口に、必要に応じて交換できる縫い付けカップソールを"
                       "組み合わせたシンプルなローカット。コルク混のクッションインソールが少しずつ足になじんでいきます。</p>"
                       "<p>湿らせた布で拭き、数か月ごとにレザーのお手入れをしてください。</p>"),
            },
        },
        {
            "slug": "arabic-leather-sandals",
            "category": "shoes",
            "brand": None,
            "options": "اللون: بني, أسود\nالمقاس: 41, 42, 43, 44, 45",
            "price": "180.00",
            "compare_at": "220.00",
            "stock": 3,
            "units_sold": 154,
            "colour": (120, 74, 40),
            "images": 2,
            "gtin": "",
            "origin": "PK",
            "weight_grams": 600,
            "hs_code": "640359",
            "collections": ["ramadan-gifts"],
            "texts": {
                "en": ("Arabic Leather Sandals",
                       "<p>Traditional men's sandals handmade from natural cowhide, with a leather sole backed by a "
                       "thin rubber layer for grip. They go with a kandura on special occasions and for everyday "
                       "wear alike.</p><p>Avoid long exposure to water and treat with leather conditioner from time "
                       "to time.</p>"),
                "zh-hans": ("阿拉伯真皮凉鞋",
                            "<p>以天然牛皮手工制作的传统男士凉鞋，皮质鞋底贴有一层薄橡胶防滑。无论是节庆场合还是日常，"
                            "搭配坎杜拉长袍都很合适。</p><p>避免长时间接触水，不时用皮革护理剂擦拭保养。</p>"),
                "ar": ("نعال عربية جلدية",
                       "<p>نعال رجالية تقليدية مصنوعة يدويًا من جلد البقر الطبيعي، بنعل جلدي مدعّم بطبقة مطاطية رقيقة "
                       "لمنع الانزلاق. تنسجم مع الكندورة في المناسبات وفي الاستخدام اليومي على حد سواء.</p><p>تجنّب "
                       "تعريضها للماء لفترات طويلة، وامسحها بمرطب الجلد من وقت لآخر.</p>"),
                "ja": ("アラビアン レザーサンダル",
                       "<p>天然の牛革を使い、手作業で仕上げた伝統的なメンズサンダル。レザーソールには滑り止めの薄いラバーを"
                       "重ねています。カンドゥーラに合わせて、特別な日にも普段使いにも。</p><p>長時間水に濡らさないように"
                       "し、ときどきレザークリームでお手入れしてください。</p>"),
            },
        },
        {
            "slug": "embroidered-flat-sandals",
            "category": "shoes",
            "brand": "noor",
            "options": "المقاس: 36, 37, 38, 39, 40",
            "price": "149.00",
            "compare_at": None,
            "stock": 0,
            "units_sold": 99,
            "colour": (212, 176, 96),
            "images": 2,
            "gtin": "",
            "origin": "TR",
            "weight_grams": 400,
            "hs_code": "640399",
            "collections": ["summer-edit"],
            "texts": {
                "en": ("Embroidered Flat Sandals",
                       "<p>Women's flat sandals with soft leather straps decorated with gold-thread embroidery and "
                       "tiny beads. A padded leather footbed and a flexible rubber sole keep them comfortable for "
                       "walking all day.</p><p>Clean with a dry cloth and keep the embroidery away from water.</p>"),
                "zh-hans": ("刺绣平底凉鞋",
                            "<p>女士平底凉鞋，柔软皮革鞋带上饰有金线刺绣和细小珠饰。软垫真皮鞋垫搭配柔韧橡胶鞋底，"
                            "整天行走依然舒适。</p><p>请用干布清洁，避免刺绣部分沾水。</p>"),
                "ar": ("صندل نسائي مسطح مطرز",
                       "<p>صندل نسائي مسطح بأشرطة من الجلد الناعم مزينة بتطريز بخيوط ذهبية وخرز صغير. فرشته الجلدية "
                       "المبطنة ونعله المطاطي المرن يجعلانه مريحًا للمشي طوال اليوم.</p><p>نظّفيه بقطعة قماش جافة "
                       "وتجنّبي تعريض التطريز للماء.</p>"),
                "ja": ("刺繍フラットサンダル",
                       "<p>柔らかなレザーのストラップに金糸の刺繍と小さなビーズをあしらった、レディースのフラットサンダル。"
                       "クッション入りのレザーインソールとしなやかなラバーソールで、一日中歩いても快適です。</p>"
                       "<p>お手入れは乾いた布で。刺繍部分は水に濡らさないでください。</p>"),
            },
        },
        {
            "slug": "comfort-pool-slides",
            "category": "shoes",
            "brand": "northwind",
            "options": "المقاس: 40-41, 42-43, 44-45",
            "price": "69.00",
            "compare_at": None,
            "stock": 45,
            "units_sold": 322,
            "colour": (30, 110, 130),
            "images": 1,
            "gtin": "",
            "origin": "CN",
            "weight_grams": 350,
            "hs_code": "640299",
            "collections": ["summer-edit"],
            "texts": {
                "en": ("Comfort Pool Slides",
                       "<p>Lightweight one-piece slides moulded from soft EVA foam, with a contoured footbed and a "
                       "ribbed sole that grips wet floors. Ideal for the pool, the beach and the gym.</p><p>Just "
                       "rinse them with water; they dry in minutes.</p>"),
                "zh-hans": ("舒适泳池拖鞋",
                            "<p>以柔软EVA泡棉一体成型的轻便拖鞋，贴合足弓的鞋床搭配防滑纹路鞋底，在湿滑地面也能稳稳"
                            "抓地。泳池、海滩和健身房都适用。</p><p>用清水冲洗即可，几分钟就能干透。</p>"),
                "ar": ("شبشب مسبح مريح",
                       "<p>شبشب خفيف من قطعة واحدة من فوم EVA الناعم، بفرشة منحوتة تدعم القدم ونعل مضلع مانع للانزلاق "
                       "على الأرضيات المبللة. مثالي للمسبح والشاطئ والنادي الرياضي.</p><p>يكفي شطفه بالماء، ويجف في "
                       "دقائق.</p>"),
                "ja": ("コンフォート プールサンダル",
                       "<p>柔らかなEVAフォームを一体成形した軽量のシャワーサンダル。足裏に沿う立体フットベッドと、濡れた床でも"
                       "滑りにくい溝付きソールを備えています。プールやビーチ、ジムに最適です。</p><p>水で流すだけで、数分で"
                       "乾きます。</p>"),
            },
        },
        {
            "slug": "amal-calligraphy-tee",
            "category": "t-shirts",
            "brand": "noor",
            "options": "اللون: أبيض, أسود\nالمقاس: صغير, وسط, كبير, كبير جدًا",
            "price": "79.00",
            "compare_at": None,
            "stock": 22,
            "units_sold": 267,
            "colour": (250, 250, 250),
            "images": 3,
            "gtin": "",
            "origin": "EG",
            "weight_grams": 200,
            "hs_code": "610910",
            "collections": ["new-arrivals"],
            "texts": {
                "en": ("“Amal” Calligraphy Tee",
                       "<p>A combed Egyptian cotton tee printed on the chest with the word “Amal” (hope) in Thuluth "
                       "script, designed by an Emirati calligrapher. Soft 200 g/m² jersey in a relaxed regular "
                       "fit.</p><p>Wash inside out in cold water and don't iron directly over the print.</p>"),
                "zh-hans": ("阿拉伯书法T恤「希望」",
                            "<p>精梳埃及棉T恤，胸前印有阿联酋书法家以苏卢斯体书写的“أمل”（意为“希望”）。"
                            "200克/平方米柔软针织面料，常规舒适版型。</p><p>请翻面冷水洗涤，勿直接熨烫印花处。</p>"),
                "ar": ("تيشيرت بالخط العربي «أمل»",
                       "<p>تيشيرت من القطن المصري الممشط، مطبوع على صدره كلمة «أمل» بخط الثلث من تصميم خطاط إماراتي. "
                       "قماشه جيرسيه ناعم بوزن 200 غ/م² وقصته عادية مريحة.</p><p>يُغسل مقلوبًا بماء بارد، ولا يُكوى فوق "
                       "الطباعة مباشرة.</p>"),
                "ja": ("アラビア書道Tシャツ「アマル」",
                       "<p>エジプト産コーマ綿のTシャツに、UAEの書家がスルス体で書いた「أمل（アマル＝希望）」をプリント"
                       "しました。200g/m²の柔らかな天竺で、ゆったりとしたレギュラーフィットです。</p><p>裏返して冷水で洗い、"
                       "プリント部分に直接アイロンを当てないでください。</p>"),
            },
        },
        {
            "slug": "kufic-pattern-tee",
            "category": "t-shirts",
            "brand": None,
            "options": "اللون: رملي, زيتي\nالمقاس: صغير, وسط, كبير",
            "price": "69.00",
            "compare_at": "89.00",
            "stock": 2,
            "units_sold": 58,
            "colour": (128, 128, 84),
            "images": 2,
            "gtin": "",
            "origin": "TR",
            "weight_grams": 190,
            "hs_code": "610910",
            "collections": ["summer-edit", "new-arrivals"],
            "texts": {
                "en": ("Kufic Pattern Tee",
                       "<p>A cotton-linen blend tee printed in muted tones with a geometric motif inspired by square "
                       "Kufic script. The light, breathable fabric is made for long summer days.</p><p>Wash cold and "
                       "line-dry in the shade.</p>"),
                "zh-hans": ("库法几何纹样T恤",
                            "<p>棉麻混纺T恤，印有灵感源自方形库法体书法的几何纹样，色调沉稳柔和。面料轻薄透气，"
                            "适合漫长的夏日。</p><p>冷水洗涤，阴凉处晾干。</p>"),
                "ar": ("تيشيرت بزخرفة كوفية هندسية",
                       "<p>تيشيرت من مزيج القطن والكتان، عليه زخرفة هندسية مستوحاة من الخط الكوفي المربع مطبوعة بألوان "
                       "هادئة. خامته الخفيفة تسمح بمرور الهواء وتناسب أيام الصيف الطويلة.</p><p>يُغسل بماء بارد ويُجفف "
                       "منشورًا في الظل.</p>"),
                "ja": ("クーフィー体 幾何学模様Tシャツ",
                       "<p>方形クーフィー体の書をモチーフにした幾何学模様を、落ち着いた色味でプリントした綿麻混のTシャツ。"
                       "軽くて風通しのよい生地で、長い夏の日にぴったりです。</p><p>冷水で洗い、日陰で吊り干ししてください。"
                       "</p>"),
            },
        },
    ],
}
