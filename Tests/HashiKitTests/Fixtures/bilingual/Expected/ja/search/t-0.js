HashiSearch.register("ja","t-0",{"docs":[["ja/","ホーム","地震に備えるためのガイドです。まず家具の固定から始めましょう。"],["ja/furniture/","家具","家具の固定\nL字金具で壁に固定します。English version\n家具の固定\n同じ見出しには番号が付きます。"]],"first":0});
