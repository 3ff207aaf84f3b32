HashiSearch.register("en","p-0",{"hom":[[0,3]],"welcom":[[0,1]]});
